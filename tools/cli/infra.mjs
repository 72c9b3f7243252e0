// npm run infra: provision Kafka, the database and Keycloak and keep them up until Ctrl-C,
// printing the variables that point jest, a service or a script at them (the service
// environment file holds each service's Kafka credentials, keys and webhook secrets).
import { ensureNode24 } from '../infra/node24.mjs';
import { provisionLocal } from '../infra/provision.mjs';
import { installSignalHandlers, onShutdown, shutdown } from './lifecycle.mjs';
import { messageOf } from '../infra/errors.mjs';

await ensureNode24();
installSignalHandlers();
try {
  const infra = await provisionLocal();
  onShutdown(() => infra.stop());
  const exports = Object.entries(infra.env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`\nexport ${exports}\n`);
  console.log(
    '[infra] running; Ctrl-C stops Kafka, the database and Keycloak and removes their data.',
  );
  setInterval(() => undefined, 1 << 30);
} catch (err) {
  console.error(`[infra] ${messageOf(err)}`);
  await shutdown(1);
}
