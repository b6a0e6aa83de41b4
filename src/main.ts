import * as core from "@actions/core";
import { SecretClient } from "@azure/keyvault-secrets";
import { ClientAssertionCredential } from "@azure/identity";
export async function run(): Promise<void> {
  core.info(`hello ${typeof SecretClient} ${typeof ClientAssertionCredential}`);
}
