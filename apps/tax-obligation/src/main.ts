// First: tracing (when configured) must be in place before what it instruments is loaded.
import '@lien-thong/platform/telemetry';
import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { TAX_OBLIGATION_SERVICE } from './service';

runService(TAX_OBLIGATION_SERVICE);
