// npm run infra: provision Kafka and the database and keep them up until Ctrl-C, printing
// the variables that point jest, a service or a script at them.
import { ensureNode24 } from '../infra/node24.mjs';
import { provisionLocal, ProvisionError } from '../infra/provision.mjs';
import { installSignalHandlers, onShutdown, shutdown } from './lifecycle.mjs';

await ensureNode24();
installSignalHandlers();
try {
  const infra = await provisionLocal();
  onShutdown(() => infra.stop());
  console.log(`\nexport KAFKA_BROKERS=${infra.kafkaBrokers} MONGO_URL=${infra.mongoUrl}\n`);
  console.log('[infra] running; Ctrl-C stops Kafka and the database and removes their data.');
  setInterval(() => undefined, 1 << 30);
} catch (err) {
  console.error(`[infra] ${err instanceof ProvisionError ? err.message : err.message}`);
  await shutdown(1);
}
