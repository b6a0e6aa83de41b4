/**
 * The inputs of issue 11: `rules` and `rules-file` (checked when read, against the sources, in
 * engine/rules/load-rules.ts) and `identity`, which the `containerapp-secrets` output names.
 */
import { report, text } from "./input-fields.ts";

export const optionalText = text((value): string | undefined => (value === "" ? undefined : value));

/** No whitespace or comma: the id goes into a `--secrets` word of the Azure CLI as it is. */
const USER_ASSIGNED_IDENTITY =
  /^\/subscriptions\/[^/\s,]+\/resource[gG]roups\/[^/\s,]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/\s,]+$/i;

export const identity = text((value, ctx): string => {
  if (value === "" || value.toLowerCase() === "system") return "system";
  if (!USER_ASSIGNED_IDENTITY.test(value)) {
    return report(
      ctx,
      "identity",
      "must be 'system' or a user-assigned identity's resource id (/subscriptions/…/resourceGroups/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/NAME)",
    );
  }
  return value;
});
