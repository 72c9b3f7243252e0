module.exports = async function globalTeardown() {
  await globalThis.__LIEN_THONG_INFRA__?.stop();
};
