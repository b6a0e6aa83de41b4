/**
 * Azure Pipelines' OIDC token endpoint for service connections (`SYSTEM_OIDCREQUESTURI`), as
 * @azure/identity's AzurePipelinesCredential calls it: POST `{uri}?api-version=7.1&serviceConnectionId=ID`
 * with `Authorization: Bearer $(System.AccessToken)`, answered with `{"oidcToken": "<JWT>"}`. The
 * token is signed as the organisation's issuer (`https://vstoken.dev.azure.com/{organizationId}`)
 * for the subject `sc://{organization}/{project}/{service connection name}`, the pair a
 * workload-identity service connection's federated credential holds.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { CloudRequest, CloudResponse } from "./types.ts";
import type { WorkloadIssuers } from "./workload-issuers.ts";

export const AZURE_DEVOPS_HOST = "dev.azure.com";

export interface AzureDevOpsOidc {
  /** What the agent puts in SYSTEM_OIDCREQUESTURI for a job. */
  oidcRequestUri: string;
  /** The job's System.AccessToken. */
  accessToken: string;
  serviceConnectionId: string;
  /** The federated credential a service connection's app holds. */
  issuer: string;
  subject: string;
  handle(req: CloudRequest): Promise<CloudResponse>;
}

const ORGANIZATION = "octo-org";
const PROJECT = "octo-project";
const SERVICE_CONNECTION_NAME = "keyvault-sync";

export function createAzureDevOps(issuers: Pick<WorkloadIssuers, "mint">): AzureDevOpsOidc {
  const organizationId = "7e57c10d-ad0a-4e70-8000-000000000001";
  const projectId = "7e57c10d-ad0b-4e70-8000-000000000002";
  const path = `/${ORGANIZATION}/${projectId}/_apis/distributedtask/hubs/build/plans/${randomUUID()}/jobs/${randomUUID()}/oidctoken`;
  const accessToken = randomBytes(24).toString("base64url");
  const serviceConnectionId = "7e57c10d-ad0c-4e70-8000-000000000003";
  const issuer = `https://vstoken.dev.azure.com/${organizationId}`;
  const subject = `sc://${ORGANIZATION}/${PROJECT}/${SERVICE_CONNECTION_NAME}`;
  const json = (status: number, body: unknown, operation: string): CloudResponse => ({
    status,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    operation,
  });
  return {
    oidcRequestUri: `https://${AZURE_DEVOPS_HOST}${path}`,
    accessToken,
    serviceConnectionId,
    issuer,
    subject,
    async handle(req) {
      if (req.url.pathname !== path) return json(404, { message: "Not found" }, "AzureDevOpsNotFound");
      if (req.method !== "POST") return json(405, { message: "Method not allowed" }, "AzureDevOpsOidcToken");
      if (req.headers.authorization !== `Bearer ${accessToken}`)
        return json(401, { message: "TF400813: The user is not authorized to access this resource." }, "AzureDevOpsOidcToken");
      if (req.url.searchParams.get("api-version") === null)
        return json(400, { message: "No api-version was supplied for the POST request." }, "AzureDevOpsOidcToken");
      if (req.url.searchParams.get("serviceConnectionId") !== serviceConnectionId) {
        return json(400, { message: "The service connection does not exist or has not been authorized for use." }, "AzureDevOpsOidcToken");
      }
      return json(200, { oidcToken: await issuers.mint({ issuer, subject }) }, "AzureDevOpsOidcToken");
    },
  };
}
