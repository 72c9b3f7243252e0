import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { shutdownTelemetry } from './tracing-state';

/** On shutdown, the spans still buffered are sent (the last steps of a trace are often there). */
@Injectable()
export class TelemetryShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return shutdownTelemetry();
  }
}
