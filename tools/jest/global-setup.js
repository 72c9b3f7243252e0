// Compiles the services (tools/cli/build.mjs), and when Jest runs on its own (npx jest)
// without KAFKA_BROKERS/MONGO_URL, provisions them for the run, exactly as npm test does.
// Workers inherit the environment set here.
module.exports = async function globalSetup() {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
  // Tests start services as processes from dist/ (libs/testing/src/service-process.ts).
  const { build } = await import('../cli/build.mjs');
  build();
  if (
    (process.env.KAFKA_BROKERS && process.env.MONGO_URL && process.env.LIEN_THONG_SERVICE_ENV) ||
    process.env.LIEN_THONG_NO_INFRA === '1'
  )
    return;
  const { provision } = await import('../infra/provision.mjs');
  const infra = await provision({
    log: (/** @type {string} */ m) => console.log(`[infra] ${m}`),
  });
  Object.assign(process.env, infra.env);
  /** @type {any} */ (globalThis).__LIEN_THONG_INFRA__ = infra;
};
