/** A recording toolkit and result builders for the reporter's tests. */
import type { ChangeResult, ResultStatus } from "../../src/engine/apply.ts";
import type { PlanAction } from "../../src/engine/plan-items.ts";
import type { AnnotationProperties, ReportContext, ReportIO } from "../../src/action/report.ts";

export interface Annotation {
  message: string;
  properties: AnnotationProperties | undefined;
}

export function recordIO(options: { failSummary?: boolean } = {}) {
  const outputs = new Map<string, string>();
  const errors: Annotation[] = [];
  const warnings: Annotation[] = [];
  const notices: Annotation[] = [];
  const infos: string[] = [];
  const written: string[] = [];
  let buffer = "";
  const io: ReportIO = {
    setOutput: (name, value) => void outputs.set(name, value),
    error: (message, properties) => void errors.push({ message, properties }),
    warning: (message, properties) => void warnings.push({ message, properties }),
    notice: (message, properties) => void notices.push({ message, properties }),
    info: (message) => void infos.push(message),
    summary: {
      addRaw(text: string, addEOL?: boolean) {
        buffer += text + (addEOL ? "\n" : "");
        return this;
      },
      async write() {
        if (options.failSummary) throw new Error("Unable to find environment variable for $GITHUB_STEP_SUMMARY");
        written.push(buffer);
        buffer = "";
        return this;
      },
    },
  };
  return { io, outputs, errors, warnings, notices, infos, written };
}

export const ACTION_FOR: Record<ResultStatus, PlanAction> = {
  created: "create",
  updated: "update",
  unchanged: "unchanged",
  recovered: "recover",
  deleted: "delete",
  skipped: "skip",
  failed: "fail",
};

export function result(name: string, status: ResultStatus, overrides: Partial<ChangeResult> = {}): ChangeResult {
  return {
    source: name.replaceAll("-", "_"),
    name,
    action: ACTION_FOR[status],
    status,
    reason: `reason for ${name}`,
    origin: { kind: "secrets" },
    ...overrides,
  };
}

export const CONTEXT: ReportContext = { dryRun: false, vaultUrl: "https://demo-vault.vault.azure.net", notes: [] };
