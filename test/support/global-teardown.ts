export default async function globalTeardown(): Promise<void> {
  await globalThis.__ZAIRYU_POSTGRES__?.stop();
}
