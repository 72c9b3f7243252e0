// First: tracing (when configured) must be in place before what it instruments is loaded.
import '@lien-thong/platform/telemetry';
import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { SECURED_TRANSACTIONS_SERVICE } from './service';

runService(SECURED_TRANSACTIONS_SERVICE);
