// Runs the ledger fixture as a real process, so that a test can SIGKILL it mid-flow.
import 'reflect-metadata';
import { runService } from '@lien-thong/platform';
import { LEDGER_SERVICE } from './ledger.fixture';

runService(LEDGER_SERVICE);
