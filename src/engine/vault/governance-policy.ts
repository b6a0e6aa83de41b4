/**
 * Azure Policy denials of secret writes (issue 11). In a governed tenant Key Vault itself
 * evaluates policies of mode Microsoft.KeyVault.Data and refuses a non-compliant write with 403,
 * inner code ForbiddenByGovernancePolicy, and a message naming the assignment and the
 * definition (docs/azure-facts.md#azure-policy-on-secrets). Pure: text in, text out.
 */

export interface PolicyDenial {
  /** The policy assignment's name, as the message gives it. */
  assignment: string | undefined;
  /** The policy definition's display name, when the message gives one. */
  definition: string | undefined;
}

/** Reads "… was disallowed by policy. policyAssignment: ASSIGNMENT / "DEFINITION"" loosely. */
export function readPolicyDenial(message: string): PolicyDenial {
  const match = /policyAssignment:\s*(.*)$/is.exec(message);
  if (match === null) return { assignment: undefined, definition: undefined };
  const [assignmentPart, ...rest] = (match[1] as string).split(" / ");
  const clean = (text: string | undefined): string | undefined => {
    const trimmed = text
      ?.split(/\r?\n/)[0]
      ?.trim()
      .replace(/^["'“]+|["'”.]+$/g, "")
      .trim();
    return trimmed === "" ? undefined : trimmed;
  };
  return { assignment: clean(assignmentPart), definition: clean(rest.join(" / ")) };
}

/** Which setting satisfies the definition, by its display name; undefined when it is not one we know. */
export function findSatisfyingSetting(definition: string | undefined): string | undefined {
  if (definition === undefined) return undefined;
  if (/content type/i.test(definition)) return "'content-type' (the input, or a rules entry)";
  if (/maximum validity/i.test(definition)) {
    return "'expires-in' no longer than the policy's maximum validity period (the input, or a rules entry), with 'renew-before' in the rules so the expiry is renewed in time";
  }
  if (/expiration date|expiry|expire/i.test(definition)) return "'expires-in' (the input, or a rules entry)";
  return undefined;
}

/** The hint for a denied write: which assignment, and which setting makes the secret pass. */
export function explainPolicyDenial(message: string): string {
  const { assignment, definition } = readPolicyDenial(message);
  const who = assignment === undefined ? "An Azure Policy assignment" : `Azure Policy assignment '${assignment}'`;
  const what = definition === undefined ? "" : ` ("${definition}")`;
  const setting = findSatisfyingSetting(definition);
  const fix =
    setting === undefined
      ? "Give this secret the metadata the policy requires (content-type, expires-in) in the inputs or the rules; the policy's definition says which."
      : `Set ${setting} for this secret.`;
  return `${who}${what} denies this write; Key Vault enforces it for every writer, so retrying cannot help. ${fix}`;
}
