module.exports = async function globalTeardown() {
  // Set by global-setup.js when it provisioned the servers itself.
  await /** @type {any} */ (globalThis).__LIEN_THONG_INFRA__?.stop();
};
