/**
 * What Entra's sign-in error codes mean for this action, and how to fix each one. One table, so
 * every known failure gets its own cause and fix instead of one generic "check your settings".
 */
import type { CloudSettings } from "../clouds.ts";
import type { TokenClaims } from "./github-oidc.ts";

export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";

export interface HintContext {
  tenantId: string | undefined;
  clientId: string | undefined;
  cloud: CloudSettings;
  /** The audience the action asked GitHub for. */
  audience: string;
  /** Claims of the token that was presented, when one was. */
  claims: TokenClaims | undefined;
  /** Values Entra quoted back in its error text, used when no claims were captured. */
  presented: { issuer?: string; subject?: string; audience?: string };
}

export interface Explanation {
  cause: string;
  hint: string;
}

type Explain = (context: HintContext) => Explanation;

/** Entra AADSTS code → cause and fix. */
export const ENTRA_ERROR_HINTS: Readonly<Record<number, Explain>> = {
  70021: (context) => ({
    cause: `no federated credential on the application matches the presented token (${describePresented(context)})`,
    hint:
      "If the federated credential was created or changed in the last few minutes, Entra may still be propagating it: " +
      "wait a minute and re-run the job. Otherwise add one that matches the token exactly.\n" +
      describeCredentialToCreate(context),
  }),
  700211: (context) => ({
    cause: `no federated credential matches the presented issuer '${presentedIssuer(context) ?? "unknown"}'`,
    hint:
      `Set the federated credential's issuer to exactly ${presentedIssuer(context) ?? GITHUB_ISSUER} ` +
      "(no trailing slash, no spaces). GitHub Enterprise Cloud with a customised issuer adds the enterprise slug to it.",
  }),
  700212: (context) => {
    const expected = expectedAudience(context);
    return {
      cause: `no federated credential matches the presented audience '${presentedAudience(context) ?? "unknown"}'`,
      hint:
        `In the ${context.cloud.name} cloud the federated credential's audience is normally ${expected}. ` +
        "Make the credential's audience and the action's `audience` input (default: from `cloud`) the same value.",
    };
  },
  700213: (context) => ({
    cause: `no federated credential matches the presented subject '${presentedSubject(context) ?? "unknown"}'`,
    hint:
      "The subject must match exactly: it changes with the environment, branch, tag or pull-request trigger of the job.\n" +
      describeCredentialToCreate(context),
  }),
  7002138: (context) => ({
    cause: `a federated credential matches the presented subject '${presentedSubject(context) ?? "unknown"}' only when letter case is ignored`,
    hint:
      "Entra compares subjects case-sensitively. Change the federated credential's subject to exactly the presented one " +
      "(owner, repository and environment names keep the case GitHub shows).\n" +
      describeCredentialToCreate(context),
  }),
  7002131: (context) => ({
    cause: "the token does not satisfy the flexible federated credential's claims-matching expression",
    hint: "Check the credential's claimsMatchingExpression against the presented claims " + `(${describePresented(context)}).`,
  }),
  70025: (context) => ({
    cause: "the application has no federated identity credentials",
    hint: "Add a federated credential for this workflow to the application.\n" + describeCredentialToCreate(context),
  }),
  700016: (context) => ({
    cause: `no application with client ID ${context.clientId ?? "(none)"} exists in tenant ${context.tenantId ?? "(none)"}`,
    hint:
      "Check `client-id` (the application's 'Application (client) ID', not its object ID) and `tenant-id` " +
      `(the 'Directory (tenant) ID'), and that the tenant is in the ${context.cloud.name} cloud.`,
  }),
  700024: () => ({
    cause: "the GitHub token was outside its valid time range (expired, or not yet valid for Entra's clock)",
    hint:
      "The action asks GitHub for a fresh token for every sign-in, so this points at the runner's clock: " +
      "on a self-hosted runner, synchronise it (NTP) and re-run.",
  }),
  90002: (context) => ({
    cause: `tenant ${context.tenantId ?? "(none)"} was not found in the ${context.cloud.name} cloud`,
    hint:
      "Check `tenant-id` (the 'Directory (tenant) ID'). A tenant in Azure Government or Azure China needs " +
      "`cloud: usgovernment` or `cloud: china`.",
  }),
  900023: (context) => ({
    cause: `'${context.tenantId ?? ""}' is not a valid tenant ID`,
    hint: "Set `tenant-id` to the tenant's 'Directory (tenant) ID' (a GUID) or one of its verified domain names.",
  }),
  7000215: () => ({
    cause: "Entra rejected a client secret",
    hint:
      "This action signs in with the workflow's GitHub OIDC token, not with a client secret: " +
      "remove client-secret settings (AZURE_CLIENT_SECRET) and add a federated credential to the application.",
  }),
  700027: (context) => ({
    cause: "the client assertion failed signature validation",
    hint:
      "Entra could not verify the GitHub token against its issuer's signing keys. Check that the federated " +
      `credential's issuer is the token's issuer (${presentedIssuer(context) ?? GITHUB_ISSUER}) and that no proxy rewrites the request.`,
  }),
};

function presentedSubject(context: HintContext): string | undefined {
  return context.claims?.sub ?? context.presented.subject;
}

function presentedIssuer(context: HintContext): string | undefined {
  return context.claims?.iss ?? context.presented.issuer;
}

function presentedAudience(context: HintContext): string | undefined {
  return context.claims?.aud ?? context.presented.audience ?? context.audience;
}

function expectedAudience(context: HintContext): string {
  return context.cloud.audience;
}

function describePresented(context: HintContext): string {
  return [
    `issuer '${presentedIssuer(context) ?? "unknown"}'`,
    `subject '${presentedSubject(context) ?? "unknown"}'`,
    `audience '${presentedAudience(context) ?? "unknown"}'`,
  ].join(", ");
}

function describeCredentialToCreate(context: HintContext): string {
  const subject = presentedSubject(context);
  if (subject === undefined) {
    return "Compare the credential's issuer, subject and audience with the claims logged before sign-in.";
  }
  const suggestion = suggestFederatedCredential({
    subject,
    issuer: presentedIssuer(context),
    audience: presentedAudience(context) ?? expectedAudience(context),
    clientId: context.clientId ?? "<client-id>",
    claims: context.claims,
  });
  return formatSuggestion(suggestion);
}

export interface FederatedCredentialSuggestion {
  name: string;
  issuer: string;
  /** The subject GitHub presented: the one the credential must hold. */
  subject: string;
  audience: string;
  /** `repo:OWNER/REPO:…`, when it can be derived. */
  nameBasedSubject: string | undefined;
  /** `repo:OWNER@OWNER_ID/REPO@REPO_ID:…` (GitHub's immutable subjects), when the IDs are known. */
  idBasedSubject: string | undefined;
  /** An Azure CLI command that creates the credential on an app registration. */
  command: string;
}

/**
 * The federated credential that would accept the presented token, in both subject spellings.
 * GitHub presents one of them (immutable subjects are opt-in, or default for new repositories),
 * and only that one matches; the other is shown so users migrating between them see both.
 */
export function suggestFederatedCredential(input: {
  subject: string;
  issuer: string | undefined;
  audience: string;
  clientId: string;
  claims: TokenClaims | undefined;
}): FederatedCredentialSuggestion {
  const { subject, audience, clientId, claims } = input;
  const issuer = input.issuer ?? GITHUB_ISSUER;
  const spellings = spellSubject(subject, claims);
  const name = nameCredential(spellings.repositoryName, spellings.context);
  const parameters = JSON.stringify({ name, issuer, subject, audiences: [audience] });
  const command = `az ad app federated-credential create --id ${clientId} --parameters '${parameters.replaceAll("'", "'\\''")}'`;
  return { name, issuer, subject, audience, nameBasedSubject: spellings.nameBased, idBasedSubject: spellings.idBased, command };
}

interface SubjectSpellings {
  nameBased: string | undefined;
  idBased: string | undefined;
  repositoryName: string | undefined;
  context: string;
}

const REPO_SUBJECT = /^repo:([^:]+)(.*)$/s;
const ID_SEGMENT = /^([^@/]+)@(\d+)\/([^@/]+)@(\d+)$/;
const NAME_SEGMENT = /^([^@/]+)\/([^@/]+)$/;

function spellSubject(subject: string, claims: TokenClaims | undefined): SubjectSpellings {
  const match = REPO_SUBJECT.exec(subject);
  if (!match) return { nameBased: undefined, idBased: undefined, repositoryName: undefined, context: subject };
  const [, segment = "", context = ""] = match;
  let owner: string | undefined;
  let repo: string | undefined;
  let ownerId = claims?.repository_owner_id;
  let repoId = claims?.repository_id;
  const ids = ID_SEGMENT.exec(segment);
  const names = NAME_SEGMENT.exec(segment);
  if (ids) {
    [, owner, ownerId, repo, repoId] = ids;
  } else if (names) {
    [, owner, repo] = names;
  }
  if (owner === undefined || repo === undefined) {
    return { nameBased: undefined, idBased: undefined, repositoryName: undefined, context };
  }
  return {
    nameBased: `repo:${owner}/${repo}${context}`,
    idBased: ownerId && repoId ? `repo:${owner}@${ownerId}/${repo}@${repoId}${context}` : undefined,
    repositoryName: repo,
    context,
  };
}

/** Federated credential names: 3–120 characters, letters, digits, '-' and '_', starting with a letter or digit. */
function nameCredential(repositoryName: string | undefined, context: string): string {
  const raw = ["github", repositoryName, context].filter(Boolean).join("-");
  const name = raw
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
  return (name.length >= 3 ? name : "github-actions").slice(0, 120).replace(/[-_]+$/, "");
}

function formatSuggestion(suggestion: FederatedCredentialSuggestion): string {
  const lines = [`GitHub presented the subject: ${suggestion.subject}`];
  const other = suggestion.subject === suggestion.idBasedSubject ? suggestion.nameBasedSubject : suggestion.idBasedSubject;
  lines.push(
    `Create a federated credential with issuer ${suggestion.issuer}, subject ${suggestion.subject} and audience ${suggestion.audience}:`,
    `  ${suggestion.command}`,
  );
  if (suggestion.nameBasedSubject !== undefined) lines.push(`Name-based subject: ${suggestion.nameBasedSubject}`);
  if (suggestion.idBasedSubject !== undefined) lines.push(`ID-based subject:   ${suggestion.idBasedSubject}`);
  if (other !== undefined) {
    lines.push(
      "Only the spelling GitHub presents matches. Repositories that switch to immutable (ID-based) subjects need a credential for that spelling.",
    );
  }
  lines.push(
    "For a user-assigned managed identity, use `az identity federated-credential create` with the same issuer, subject and audience.",
  );
  return lines.join("\n");
}
