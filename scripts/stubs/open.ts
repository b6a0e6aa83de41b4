// Replaces the `open` package in dist/ (the `alias` in scripts/build-bundle.ts). @azure/identity
// calls it only from the interactive browser sign-in, which no credential this action builds
// reaches.
export default function open(): Promise<never> {
  return Promise.reject(new Error("Interactive browser sign-in is not part of this action."));
}
