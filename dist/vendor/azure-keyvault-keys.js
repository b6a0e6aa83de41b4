import { createRequire as __createRequire } from "node:module"; const require = (id) => globalThis.process.getBuiltinModule(id) ?? __createRequire(import.meta.url)(id);
const { createHash: cryptoCreateHash, createVerify: cryptoCreateVerify, randomBytes: cryptoRandomBytes } = globalThis.process.getBuiltinModule("node:crypto");
const { RSA_PKCS1_OAEP_PADDING, RSA_PKCS1_PADDING } = globalThis.process.getBuiltinModule("constants");
const { publicEncrypt } = globalThis.process.getBuiltinModule("node:crypto");
const crypto = globalThis.process.getBuiltinModule("node:crypto");
import {
  Poller,
  createRestError,
  getClient,
  keyVaultAuthenticationPolicy,
  operationOptionsToRequestParameters,
  parseKeyVaultIdentifier
} from "./chunk-LBNEX37K.js";
import {
  RestError,
  bearerTokenAuthenticationPolicyName,
  createTracingClient,
  delay,
  isRestError,
  stringToUint8Array,
  uint8ArrayToString
} from "./chunk-NECWRP3O.js";
import {
  createClientLogger2 as createClientLogger
} from "./chunk-HQDPUEQQ.js";
import "./chunk-SPM4MOY7.js";

// node_modules/@azure/keyvault-keys/dist/esm/logger.js
var logger = createClientLogger("keyvault-keys");

// node_modules/@azure/keyvault-keys/dist/esm/models/models.js
function keyCreateParametersSerializer(item) {
  return {
    kty: item["kty"],
    key_size: item["keySize"],
    public_exponent: item["publicExponent"],
    key_ops: !item["keyOps"] ? item["keyOps"] : item["keyOps"].map((p) => {
      return p;
    }),
    attributes: !item["keyAttributes"] ? item["keyAttributes"] : keyAttributesSerializer(item["keyAttributes"]),
    tags: item["tags"],
    crv: item["curve"],
    release_policy: !item["releasePolicy"] ? item["releasePolicy"] : keyReleasePolicySerializer(item["releasePolicy"])
  };
}
var KnownJsonWebKeyType;
(function(KnownJsonWebKeyType2) {
  KnownJsonWebKeyType2["EC"] = "EC";
  KnownJsonWebKeyType2["ECHSM"] = "EC-HSM";
  KnownJsonWebKeyType2["RSA"] = "RSA";
  KnownJsonWebKeyType2["RSAHSM"] = "RSA-HSM";
  KnownJsonWebKeyType2["Oct"] = "oct";
  KnownJsonWebKeyType2["OctHSM"] = "oct-HSM";
})(KnownJsonWebKeyType || (KnownJsonWebKeyType = {}));
var KnownJsonWebKeyOperation;
(function(KnownJsonWebKeyOperation2) {
  KnownJsonWebKeyOperation2["Encrypt"] = "encrypt";
  KnownJsonWebKeyOperation2["Decrypt"] = "decrypt";
  KnownJsonWebKeyOperation2["Sign"] = "sign";
  KnownJsonWebKeyOperation2["Verify"] = "verify";
  KnownJsonWebKeyOperation2["WrapKey"] = "wrapKey";
  KnownJsonWebKeyOperation2["UnwrapKey"] = "unwrapKey";
  KnownJsonWebKeyOperation2["Import"] = "import";
  KnownJsonWebKeyOperation2["Export"] = "export";
})(KnownJsonWebKeyOperation || (KnownJsonWebKeyOperation = {}));
function keyAttributesSerializer(item) {
  return {
    enabled: item["enabled"],
    nbf: !item["notBefore"] ? item["notBefore"] : item["notBefore"].getTime() / 1e3 | 0,
    exp: !item["expires"] ? item["expires"] : item["expires"].getTime() / 1e3 | 0,
    exportable: item["exportable"]
  };
}
function keyAttributesDeserializer(item) {
  return {
    enabled: item["enabled"],
    notBefore: !item["nbf"] ? item["nbf"] : new Date(item["nbf"] * 1e3),
    expires: !item["exp"] ? item["exp"] : new Date(item["exp"] * 1e3),
    created: !item["created"] ? item["created"] : new Date(item["created"] * 1e3),
    updated: !item["updated"] ? item["updated"] : new Date(item["updated"] * 1e3),
    recoverableDays: item["recoverableDays"],
    recoveryLevel: item["recoveryLevel"],
    exportable: item["exportable"],
    hsmPlatform: item["hsmPlatform"],
    attestation: !item["attestation"] ? item["attestation"] : keyAttestationDeserializer(item["attestation"])
  };
}
var KnownDeletionRecoveryLevel;
(function(KnownDeletionRecoveryLevel2) {
  KnownDeletionRecoveryLevel2["Purgeable"] = "Purgeable";
  KnownDeletionRecoveryLevel2["RecoverablePurgeable"] = "Recoverable+Purgeable";
  KnownDeletionRecoveryLevel2["Recoverable"] = "Recoverable";
  KnownDeletionRecoveryLevel2["RecoverableProtectedSubscription"] = "Recoverable+ProtectedSubscription";
  KnownDeletionRecoveryLevel2["CustomizedRecoverablePurgeable"] = "CustomizedRecoverable+Purgeable";
  KnownDeletionRecoveryLevel2["CustomizedRecoverable"] = "CustomizedRecoverable";
  KnownDeletionRecoveryLevel2["CustomizedRecoverableProtectedSubscription"] = "CustomizedRecoverable+ProtectedSubscription";
})(KnownDeletionRecoveryLevel || (KnownDeletionRecoveryLevel = {}));
function keyAttestationDeserializer(item) {
  return {
    certificatePemFile: !item["certificatePemFile"] ? item["certificatePemFile"] : typeof item["certificatePemFile"] === "string" ? stringToUint8Array(item["certificatePemFile"], "base64url") : item["certificatePemFile"],
    privateKeyAttestation: !item["privateKeyAttestation"] ? item["privateKeyAttestation"] : typeof item["privateKeyAttestation"] === "string" ? stringToUint8Array(item["privateKeyAttestation"], "base64url") : item["privateKeyAttestation"],
    publicKeyAttestation: !item["publicKeyAttestation"] ? item["publicKeyAttestation"] : typeof item["publicKeyAttestation"] === "string" ? stringToUint8Array(item["publicKeyAttestation"], "base64url") : item["publicKeyAttestation"],
    version: item["version"]
  };
}
var KnownJsonWebKeyCurveName;
(function(KnownJsonWebKeyCurveName2) {
  KnownJsonWebKeyCurveName2["P256"] = "P-256";
  KnownJsonWebKeyCurveName2["P384"] = "P-384";
  KnownJsonWebKeyCurveName2["P521"] = "P-521";
  KnownJsonWebKeyCurveName2["P256K"] = "P-256K";
})(KnownJsonWebKeyCurveName || (KnownJsonWebKeyCurveName = {}));
function keyReleasePolicySerializer(item) {
  return {
    contentType: item["contentType"],
    immutable: item["immutable"],
    data: !item["encodedPolicy"] ? item["encodedPolicy"] : uint8ArrayToString(item["encodedPolicy"], "base64url")
  };
}
function keyReleasePolicyDeserializer(item) {
  return {
    contentType: item["contentType"],
    immutable: item["immutable"],
    encodedPolicy: !item["data"] ? item["data"] : typeof item["data"] === "string" ? stringToUint8Array(item["data"], "base64url") : item["data"]
  };
}
function keyBundleDeserializer(item) {
  return {
    key: !item["key"] ? item["key"] : jsonWebKeyDeserializer(item["key"]),
    attributes: !item["attributes"] ? item["attributes"] : keyAttributesDeserializer(item["attributes"]),
    tags: item["tags"],
    managed: item["managed"],
    releasePolicy: !item["release_policy"] ? item["release_policy"] : keyReleasePolicyDeserializer(item["release_policy"])
  };
}
function jsonWebKeySerializer(item) {
  return {
    kid: item["kid"],
    kty: item["kty"],
    key_ops: !item["keyOps"] ? item["keyOps"] : item["keyOps"].map((p) => {
      return p;
    }),
    n: !item["n"] ? item["n"] : uint8ArrayToString(item["n"], "base64url"),
    e: !item["e"] ? item["e"] : uint8ArrayToString(item["e"], "base64url"),
    d: !item["d"] ? item["d"] : uint8ArrayToString(item["d"], "base64url"),
    dp: !item["dp"] ? item["dp"] : uint8ArrayToString(item["dp"], "base64url"),
    dq: !item["dq"] ? item["dq"] : uint8ArrayToString(item["dq"], "base64url"),
    qi: !item["qi"] ? item["qi"] : uint8ArrayToString(item["qi"], "base64url"),
    p: !item["p"] ? item["p"] : uint8ArrayToString(item["p"], "base64url"),
    q: !item["q"] ? item["q"] : uint8ArrayToString(item["q"], "base64url"),
    k: !item["k"] ? item["k"] : uint8ArrayToString(item["k"], "base64url"),
    key_hsm: !item["t"] ? item["t"] : uint8ArrayToString(item["t"], "base64url"),
    crv: item["crv"],
    x: !item["x"] ? item["x"] : uint8ArrayToString(item["x"], "base64url"),
    y: !item["y"] ? item["y"] : uint8ArrayToString(item["y"], "base64url")
  };
}
function jsonWebKeyDeserializer(item) {
  return {
    kid: item["kid"],
    kty: item["kty"],
    keyOps: !item["key_ops"] ? item["key_ops"] : item["key_ops"].map((p) => {
      return p;
    }),
    n: !item["n"] ? item["n"] : typeof item["n"] === "string" ? stringToUint8Array(item["n"], "base64url") : item["n"],
    e: !item["e"] ? item["e"] : typeof item["e"] === "string" ? stringToUint8Array(item["e"], "base64url") : item["e"],
    d: !item["d"] ? item["d"] : typeof item["d"] === "string" ? stringToUint8Array(item["d"], "base64url") : item["d"],
    dp: !item["dp"] ? item["dp"] : typeof item["dp"] === "string" ? stringToUint8Array(item["dp"], "base64url") : item["dp"],
    dq: !item["dq"] ? item["dq"] : typeof item["dq"] === "string" ? stringToUint8Array(item["dq"], "base64url") : item["dq"],
    qi: !item["qi"] ? item["qi"] : typeof item["qi"] === "string" ? stringToUint8Array(item["qi"], "base64url") : item["qi"],
    p: !item["p"] ? item["p"] : typeof item["p"] === "string" ? stringToUint8Array(item["p"], "base64url") : item["p"],
    q: !item["q"] ? item["q"] : typeof item["q"] === "string" ? stringToUint8Array(item["q"], "base64url") : item["q"],
    k: !item["k"] ? item["k"] : typeof item["k"] === "string" ? stringToUint8Array(item["k"], "base64url") : item["k"],
    t: !item["key_hsm"] ? item["key_hsm"] : typeof item["key_hsm"] === "string" ? stringToUint8Array(item["key_hsm"], "base64url") : item["key_hsm"],
    crv: item["crv"],
    x: !item["x"] ? item["x"] : typeof item["x"] === "string" ? stringToUint8Array(item["x"], "base64url") : item["x"],
    y: !item["y"] ? item["y"] : typeof item["y"] === "string" ? stringToUint8Array(item["y"], "base64url") : item["y"]
  };
}
function keyVaultErrorDeserializer(item) {
  return {
    error: !item["error"] ? item["error"] : _keyVaultErrorErrorDeserializer(item["error"])
  };
}
function _keyVaultErrorErrorDeserializer(item) {
  return {
    code: item["code"],
    message: item["message"],
    innerError: !item["innererror"] ? item["innererror"] : _keyVaultErrorErrorDeserializer(item["innererror"])
  };
}
function keyImportParametersSerializer(item) {
  return {
    Hsm: item["hsm"],
    key: jsonWebKeySerializer(item["key"]),
    attributes: !item["keyAttributes"] ? item["keyAttributes"] : keyAttributesSerializer(item["keyAttributes"]),
    tags: item["tags"],
    release_policy: !item["releasePolicy"] ? item["releasePolicy"] : keyReleasePolicySerializer(item["releasePolicy"])
  };
}
function deletedKeyBundleDeserializer(item) {
  return {
    key: !item["key"] ? item["key"] : jsonWebKeyDeserializer(item["key"]),
    attributes: !item["attributes"] ? item["attributes"] : keyAttributesDeserializer(item["attributes"]),
    tags: item["tags"],
    managed: item["managed"],
    releasePolicy: !item["release_policy"] ? item["release_policy"] : keyReleasePolicyDeserializer(item["release_policy"]),
    recoveryId: item["recoveryId"],
    scheduledPurgeDate: !item["scheduledPurgeDate"] ? item["scheduledPurgeDate"] : new Date(item["scheduledPurgeDate"] * 1e3),
    deletedDate: !item["deletedDate"] ? item["deletedDate"] : new Date(item["deletedDate"] * 1e3)
  };
}
function keyUpdateParametersSerializer(item) {
  return {
    key_ops: !item["keyOps"] ? item["keyOps"] : item["keyOps"].map((p) => {
      return p;
    }),
    attributes: !item["keyAttributes"] ? item["keyAttributes"] : keyAttributesSerializer(item["keyAttributes"]),
    tags: item["tags"],
    release_policy: !item["releasePolicy"] ? item["releasePolicy"] : keyReleasePolicySerializer(item["releasePolicy"])
  };
}
function _keyListResultDeserializer(item) {
  return {
    value: !item["value"] ? item["value"] : keyItemArrayDeserializer(item["value"]),
    nextLink: item["nextLink"]
  };
}
function keyItemArrayDeserializer(result) {
  return result.map((item) => {
    return keyItemDeserializer(item);
  });
}
function keyItemDeserializer(item) {
  return {
    kid: item["kid"],
    attributes: !item["attributes"] ? item["attributes"] : keyAttributesDeserializer(item["attributes"]),
    tags: item["tags"],
    managed: item["managed"]
  };
}
function backupKeyResultDeserializer(item) {
  return {
    value: !item["value"] ? item["value"] : typeof item["value"] === "string" ? stringToUint8Array(item["value"], "base64url") : item["value"]
  };
}
function keyRestoreParametersSerializer(item) {
  return { value: uint8ArrayToString(item["keyBundleBackup"], "base64url") };
}
function keyOperationsParametersSerializer(item) {
  return {
    alg: item["algorithm"],
    value: uint8ArrayToString(item["value"], "base64url"),
    iv: !item["iv"] ? item["iv"] : uint8ArrayToString(item["iv"], "base64url"),
    aad: !item["aad"] ? item["aad"] : uint8ArrayToString(item["aad"], "base64url"),
    tag: !item["tag"] ? item["tag"] : uint8ArrayToString(item["tag"], "base64url")
  };
}
var KnownJsonWebKeyEncryptionAlgorithm;
(function(KnownJsonWebKeyEncryptionAlgorithm2) {
  KnownJsonWebKeyEncryptionAlgorithm2["RSAOaep"] = "RSA-OAEP";
  KnownJsonWebKeyEncryptionAlgorithm2["RSAOaep256"] = "RSA-OAEP-256";
  KnownJsonWebKeyEncryptionAlgorithm2["RSA15"] = "RSA1_5";
  KnownJsonWebKeyEncryptionAlgorithm2["A128GCM"] = "A128GCM";
  KnownJsonWebKeyEncryptionAlgorithm2["A192GCM"] = "A192GCM";
  KnownJsonWebKeyEncryptionAlgorithm2["A256GCM"] = "A256GCM";
  KnownJsonWebKeyEncryptionAlgorithm2["A128KW"] = "A128KW";
  KnownJsonWebKeyEncryptionAlgorithm2["A192KW"] = "A192KW";
  KnownJsonWebKeyEncryptionAlgorithm2["A256KW"] = "A256KW";
  KnownJsonWebKeyEncryptionAlgorithm2["A128CBC"] = "A128CBC";
  KnownJsonWebKeyEncryptionAlgorithm2["A192CBC"] = "A192CBC";
  KnownJsonWebKeyEncryptionAlgorithm2["A256CBC"] = "A256CBC";
  KnownJsonWebKeyEncryptionAlgorithm2["A128Cbcpad"] = "A128CBCPAD";
  KnownJsonWebKeyEncryptionAlgorithm2["A192Cbcpad"] = "A192CBCPAD";
  KnownJsonWebKeyEncryptionAlgorithm2["A256Cbcpad"] = "A256CBCPAD";
  KnownJsonWebKeyEncryptionAlgorithm2["CkmAesKeyWrap"] = "CKM_AES_KEY_WRAP";
  KnownJsonWebKeyEncryptionAlgorithm2["CkmAesKeyWrapPad"] = "CKM_AES_KEY_WRAP_PAD";
})(KnownJsonWebKeyEncryptionAlgorithm || (KnownJsonWebKeyEncryptionAlgorithm = {}));
function keyOperationResultDeserializer(item) {
  return {
    kid: item["kid"],
    result: !item["value"] ? item["value"] : typeof item["value"] === "string" ? stringToUint8Array(item["value"], "base64url") : item["value"],
    iv: !item["iv"] ? item["iv"] : typeof item["iv"] === "string" ? stringToUint8Array(item["iv"], "base64url") : item["iv"],
    authenticationTag: !item["tag"] ? item["tag"] : typeof item["tag"] === "string" ? stringToUint8Array(item["tag"], "base64url") : item["tag"],
    additionalAuthenticatedData: !item["aad"] ? item["aad"] : typeof item["aad"] === "string" ? stringToUint8Array(item["aad"], "base64url") : item["aad"]
  };
}
function keySignParametersSerializer(item) {
  return {
    alg: item["algorithm"],
    value: uint8ArrayToString(item["value"], "base64url")
  };
}
var KnownJsonWebKeySignatureAlgorithm;
(function(KnownJsonWebKeySignatureAlgorithm2) {
  KnownJsonWebKeySignatureAlgorithm2["PS256"] = "PS256";
  KnownJsonWebKeySignatureAlgorithm2["PS384"] = "PS384";
  KnownJsonWebKeySignatureAlgorithm2["PS512"] = "PS512";
  KnownJsonWebKeySignatureAlgorithm2["RS256"] = "RS256";
  KnownJsonWebKeySignatureAlgorithm2["RS384"] = "RS384";
  KnownJsonWebKeySignatureAlgorithm2["RS512"] = "RS512";
  KnownJsonWebKeySignatureAlgorithm2["HS256"] = "HS256";
  KnownJsonWebKeySignatureAlgorithm2["HS384"] = "HS384";
  KnownJsonWebKeySignatureAlgorithm2["HS512"] = "HS512";
  KnownJsonWebKeySignatureAlgorithm2["Rsnull"] = "RSNULL";
  KnownJsonWebKeySignatureAlgorithm2["ES256"] = "ES256";
  KnownJsonWebKeySignatureAlgorithm2["ES384"] = "ES384";
  KnownJsonWebKeySignatureAlgorithm2["ES512"] = "ES512";
  KnownJsonWebKeySignatureAlgorithm2["ES256K"] = "ES256K";
})(KnownJsonWebKeySignatureAlgorithm || (KnownJsonWebKeySignatureAlgorithm = {}));
function keyVerifyParametersSerializer(item) {
  return {
    alg: item["algorithm"],
    digest: uint8ArrayToString(item["digest"], "base64url"),
    value: uint8ArrayToString(item["signature"], "base64url")
  };
}
function keyVerifyResultDeserializer(item) {
  return {
    value: item["value"]
  };
}
function keyReleaseParametersSerializer(item) {
  return {
    target: item["targetAttestationToken"],
    nonce: item["nonce"],
    enc: item["enc"]
  };
}
var KnownKeyEncryptionAlgorithm;
(function(KnownKeyEncryptionAlgorithm2) {
  KnownKeyEncryptionAlgorithm2["CkmRsaAesKeyWrap"] = "CKM_RSA_AES_KEY_WRAP";
  KnownKeyEncryptionAlgorithm2["RsaAesKeyWrap256"] = "RSA_AES_KEY_WRAP_256";
  KnownKeyEncryptionAlgorithm2["RsaAesKeyWrap384"] = "RSA_AES_KEY_WRAP_384";
})(KnownKeyEncryptionAlgorithm || (KnownKeyEncryptionAlgorithm = {}));
function keyReleaseResultDeserializer(item) {
  return {
    value: item["value"]
  };
}
function _deletedKeyListResultDeserializer(item) {
  return {
    value: !item["value"] ? item["value"] : deletedKeyItemArrayDeserializer(item["value"]),
    nextLink: item["nextLink"]
  };
}
function deletedKeyItemArrayDeserializer(result) {
  return result.map((item) => {
    return deletedKeyItemDeserializer(item);
  });
}
function deletedKeyItemDeserializer(item) {
  return {
    kid: item["kid"],
    attributes: !item["attributes"] ? item["attributes"] : keyAttributesDeserializer(item["attributes"]),
    tags: item["tags"],
    managed: item["managed"],
    recoveryId: item["recoveryId"],
    scheduledPurgeDate: !item["scheduledPurgeDate"] ? item["scheduledPurgeDate"] : new Date(item["scheduledPurgeDate"] * 1e3),
    deletedDate: !item["deletedDate"] ? item["deletedDate"] : new Date(item["deletedDate"] * 1e3)
  };
}
function keyRotationPolicySerializer(item) {
  return {
    lifetimeActions: !item["lifetimeActions"] ? item["lifetimeActions"] : lifetimeActionsArraySerializer(item["lifetimeActions"]),
    attributes: !item["attributes"] ? item["attributes"] : keyRotationPolicyAttributesSerializer(item["attributes"])
  };
}
function keyRotationPolicyDeserializer(item) {
  return {
    id: item["id"],
    lifetimeActions: !item["lifetimeActions"] ? item["lifetimeActions"] : lifetimeActionsArrayDeserializer(item["lifetimeActions"]),
    attributes: !item["attributes"] ? item["attributes"] : keyRotationPolicyAttributesDeserializer(item["attributes"])
  };
}
function lifetimeActionsArraySerializer(result) {
  return result.map((item) => {
    return lifetimeActionsSerializer(item);
  });
}
function lifetimeActionsArrayDeserializer(result) {
  return result.map((item) => {
    return lifetimeActionsDeserializer(item);
  });
}
function lifetimeActionsSerializer(item) {
  return {
    trigger: !item["trigger"] ? item["trigger"] : lifetimeActionsTriggerSerializer(item["trigger"]),
    action: !item["action"] ? item["action"] : lifetimeActionsTypeSerializer(item["action"])
  };
}
function lifetimeActionsDeserializer(item) {
  return {
    trigger: !item["trigger"] ? item["trigger"] : lifetimeActionsTriggerDeserializer(item["trigger"]),
    action: !item["action"] ? item["action"] : lifetimeActionsTypeDeserializer(item["action"])
  };
}
function lifetimeActionsTriggerSerializer(item) {
  return {
    timeAfterCreate: item["timeAfterCreate"],
    timeBeforeExpiry: item["timeBeforeExpiry"]
  };
}
function lifetimeActionsTriggerDeserializer(item) {
  return {
    timeAfterCreate: item["timeAfterCreate"],
    timeBeforeExpiry: item["timeBeforeExpiry"]
  };
}
function lifetimeActionsTypeSerializer(item) {
  return { type: item["type"] };
}
function lifetimeActionsTypeDeserializer(item) {
  return {
    type: item["type"]
  };
}
function keyRotationPolicyAttributesSerializer(item) {
  return { expiryTime: item["expiryTime"] };
}
function keyRotationPolicyAttributesDeserializer(item) {
  return {
    expiryTime: item["expiryTime"],
    created: !item["created"] ? item["created"] : new Date(item["created"] * 1e3),
    updated: !item["updated"] ? item["updated"] : new Date(item["updated"] * 1e3)
  };
}
function getRandomBytesRequestSerializer(item) {
  return { count: item["count"] };
}
function randomBytesDeserializer(item) {
  return {
    value: typeof item["value"] === "string" ? stringToUint8Array(item["value"], "base64url") : item["value"]
  };
}
var KnownVersions;
(function(KnownVersions2) {
  KnownVersions2["V75"] = "7.5";
  KnownVersions2["V76Preview2"] = "7.6-preview.2";
  KnownVersions2["V76"] = "7.6";
  KnownVersions2["V20250701"] = "2025-07-01";
})(KnownVersions || (KnownVersions = {}));

// node_modules/@azure/keyvault-keys/dist/esm/constants.js
var SDK_VERSION = "4.10.2";

// node_modules/@azure/keyvault-keys/dist/esm/api/keyVaultContext.js
function createKeyVault(endpointParam, credential, options = {}) {
  const endpointUrl = options.endpoint ?? options.baseUrl ?? String(endpointParam);
  const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
  const userAgentInfo = `azsdk-js-keyvault-keys/${SDK_VERSION}`;
  const userAgentPrefix = prefixFromOptions ? `${prefixFromOptions} azsdk-js-api ${userAgentInfo}` : `azsdk-js-api ${userAgentInfo}`;
  const { apiVersion: _, ...updatedOptions } = {
    ...options,
    userAgentOptions: { userAgentPrefix },
    loggingOptions: { logger: options.loggingOptions?.logger ?? logger.info },
    credentials: {
      scopes: options.credentials?.scopes ?? ["https://vault.azure.net/.default"]
    }
  };
  const clientContext = getClient(endpointUrl, credential, updatedOptions);
  clientContext.pipeline.removePolicy({ name: "ApiVersionPolicy" });
  const apiVersion = options.apiVersion ?? "2025-07-01";
  clientContext.pipeline.addPolicy({
    name: "ClientApiVersionPolicy",
    sendRequest: (req, next) => {
      const url = new URL(req.url);
      if (!url.searchParams.get("api-version")) {
        req.url = `${req.url}${Array.from(url.searchParams.keys()).length > 0 ? "&" : "?"}api-version=${apiVersion}`;
      }
      return next(req);
    }
  });
  return { ...clientContext, apiVersion };
}

// node_modules/@azure/keyvault-keys/dist/esm/static-helpers/pagingHelpers.js
function buildPagedAsyncIterator(client, getInitialResponse, processResponseBody, expectedStatuses, options = {}) {
  const itemName = options.itemName ?? "value";
  const nextLinkName = options.nextLinkName ?? "nextLink";
  const pagedResult = {
    getPage: async (pageLink) => {
      const result = pageLink === void 0 ? await getInitialResponse() : await client.pathUnchecked(pageLink).get();
      checkPagingRequest(result, expectedStatuses);
      const results = await processResponseBody(result);
      const nextLink = getNextLink(results, nextLinkName);
      const values = getElements(results, itemName);
      return {
        page: values,
        nextPageLink: nextLink
      };
    },
    byPage: (settings) => {
      const { continuationToken } = settings ?? {};
      return getPageAsyncIterator(pagedResult, {
        pageLink: continuationToken
      });
    }
  };
  return getPagedAsyncIterator(pagedResult);
}
function getPagedAsyncIterator(pagedResult) {
  const iter = getItemAsyncIterator(pagedResult);
  return {
    next() {
      return iter.next();
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    byPage: pagedResult?.byPage ?? ((settings) => {
      const { continuationToken } = settings ?? {};
      return getPageAsyncIterator(pagedResult, {
        pageLink: continuationToken
      });
    })
  };
}
async function* getItemAsyncIterator(pagedResult) {
  const pages = getPageAsyncIterator(pagedResult);
  for await (const page of pages) {
    yield* page;
  }
}
async function* getPageAsyncIterator(pagedResult, options = {}) {
  const { pageLink } = options;
  let response = await pagedResult.getPage(pageLink ?? pagedResult.firstPageLink);
  if (!response) {
    return;
  }
  let result = response.page;
  result.continuationToken = response.nextPageLink;
  yield result;
  while (response.nextPageLink) {
    response = await pagedResult.getPage(response.nextPageLink);
    if (!response) {
      return;
    }
    result = response.page;
    result.continuationToken = response.nextPageLink;
    yield result;
  }
}
function getNextLink(body, nextLinkName) {
  if (!nextLinkName) {
    return void 0;
  }
  const nextLink = body[nextLinkName];
  if (typeof nextLink !== "string" && typeof nextLink !== "undefined" && nextLink !== null) {
    throw new RestError(`Body Property ${nextLinkName} should be a string or undefined or null but got ${typeof nextLink}`);
  }
  if (nextLink === null) {
    return void 0;
  }
  return nextLink;
}
function getElements(body, itemName) {
  const value = body[itemName];
  if (!Array.isArray(value)) {
    throw new RestError(`Couldn't paginate response
 Body doesn't contain an array property with name: ${itemName}`);
  }
  return value ?? [];
}
function checkPagingRequest(response, expectedStatuses) {
  if (!expectedStatuses.includes(response.status)) {
    throw createRestError(`Pagination failed with unexpected statusCode ${response.status}`, response);
  }
}

// node_modules/@azure/keyvault-keys/dist/esm/static-helpers/urlTemplate.js
function encodeComponent(val, reserved, op) {
  return (reserved ?? op === "+") || op === "#" ? encodeReservedComponent(val) : encodeRFC3986URIComponent(val);
}
function encodeReservedComponent(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map((part) => !/%[0-9A-Fa-f]/.test(part) ? encodeURI(part) : part).join("");
}
function encodeRFC3986URIComponent(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function isDefined(val) {
  return val !== void 0 && val !== null;
}
function getNamedAndIfEmpty(op) {
  return [!!op && [";", "?", "&"].includes(op), !!op && ["?", "&"].includes(op) ? "=" : ""];
}
function getFirstOrSep(op, isFirst = false) {
  if (isFirst) {
    return !op || op === "+" ? "" : op;
  } else if (!op || op === "+" || op === "#") {
    return ",";
  } else if (op === "?") {
    return "&";
  } else {
    return op;
  }
}
function getExpandedValue(option) {
  let isFirst = option.isFirst;
  const { op, varName, varValue: value, reserved } = option;
  const vals = [];
  const [named, ifEmpty] = getNamedAndIfEmpty(op);
  if (Array.isArray(value)) {
    for (const val of value.filter(isDefined)) {
      vals.push(`${getFirstOrSep(op, isFirst)}`);
      if (named && varName) {
        vals.push(`${encodeURIComponent(varName)}`);
        val === "" ? vals.push(ifEmpty) : vals.push("=");
      }
      vals.push(encodeComponent(val, reserved, op));
      isFirst = false;
    }
  } else if (typeof value === "object") {
    for (const key of Object.keys(value)) {
      const val = value[key];
      if (!isDefined(val)) {
        continue;
      }
      vals.push(`${getFirstOrSep(op, isFirst)}`);
      if (key) {
        vals.push(`${encodeURIComponent(key)}`);
        named && val === "" ? vals.push(ifEmpty) : vals.push("=");
      }
      vals.push(encodeComponent(val, reserved, op));
      isFirst = false;
    }
  }
  return vals.join("");
}
function getNonExpandedValue(option) {
  const { op, varName, varValue: value, isFirst, reserved } = option;
  const vals = [];
  const first = getFirstOrSep(op, isFirst);
  const [named, ifEmpty] = getNamedAndIfEmpty(op);
  if (named && varName) {
    vals.push(encodeComponent(varName, reserved, op));
    if (value === "") {
      if (!ifEmpty) {
        vals.push(ifEmpty);
      }
      return !vals.join("") ? void 0 : `${first}${vals.join("")}`;
    }
    vals.push("=");
  }
  const items = [];
  if (Array.isArray(value)) {
    for (const val of value.filter(isDefined)) {
      items.push(encodeComponent(val, reserved, op));
    }
  } else if (typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (!isDefined(value[key])) {
        continue;
      }
      items.push(encodeRFC3986URIComponent(key));
      items.push(encodeComponent(value[key], reserved, op));
    }
  }
  vals.push(items.join(","));
  return !vals.join(",") ? void 0 : `${first}${vals.join("")}`;
}
function getVarValue(option) {
  const { op, varName, modifier, isFirst, reserved, varValue: value } = option;
  if (!isDefined(value)) {
    return void 0;
  } else if (["string", "number", "boolean"].includes(typeof value)) {
    let val = value.toString();
    const [named, ifEmpty] = getNamedAndIfEmpty(op);
    const vals = [getFirstOrSep(op, isFirst)];
    if (named && varName) {
      vals.push(varName);
      val === "" ? vals.push(ifEmpty) : vals.push("=");
    }
    if (modifier && modifier !== "*") {
      val = val.substring(0, parseInt(modifier, 10));
    }
    vals.push(encodeComponent(val, reserved, op));
    return vals.join("");
  } else if (modifier === "*") {
    return getExpandedValue(option);
  } else {
    return getNonExpandedValue(option);
  }
}
function expandUrlTemplate(template, context, option) {
  return template.replace(/\{([^\{\}]+)\}|([^\{\}]+)/g, (_, expr, text) => {
    if (!expr) {
      return encodeReservedComponent(text);
    }
    let op;
    if (["+", "#", ".", "/", ";", "?", "&"].includes(expr[0])) {
      op = expr[0], expr = expr.slice(1);
    }
    const varList = expr.split(/,/g);
    const result = [];
    for (const varSpec of varList) {
      const varMatch = /([^:\*]*)(?::(\d+)|(\*))?/.exec(varSpec);
      if (!varMatch || !varMatch[1]) {
        continue;
      }
      const varValue = getVarValue({
        isFirst: result.length === 0,
        op,
        varValue: context[varMatch[1]],
        varName: varMatch[1],
        modifier: varMatch[2] || varMatch[3],
        reserved: option?.allowReserved
      });
      if (varValue) {
        result.push(varValue);
      }
    }
    return result.join("");
  });
}

// node_modules/@azure/keyvault-keys/dist/esm/api/operations.js
function _getKeyAttestationSend(context, keyName, keyVersion, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}{/key-version}/attestation{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getKeyAttestationDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyBundleDeserializer(result.body);
}
async function getKeyAttestation(context, keyName, keyVersion, options = { requestOptions: {} }) {
  const result = await _getKeyAttestationSend(context, keyName, keyVersion, options);
  return _getKeyAttestationDeserialize(result);
}
function _getRandomBytesSend(context, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/rng{?api%2Dversion}", {
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: getRandomBytesRequestSerializer(parameters)
  });
}
async function _getRandomBytesDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return randomBytesDeserializer(result.body);
}
async function getRandomBytes(context, parameters, options = { requestOptions: {} }) {
  const result = await _getRandomBytesSend(context, parameters, options);
  return _getRandomBytesDeserialize(result);
}
function _updateKeyRotationPolicySend(context, keyName, keyRotationPolicy, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/rotationpolicy{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).put({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyRotationPolicySerializer(keyRotationPolicy)
  });
}
async function _updateKeyRotationPolicyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyRotationPolicyDeserializer(result.body);
}
async function updateKeyRotationPolicy(context, keyName, keyRotationPolicy, options = { requestOptions: {} }) {
  const result = await _updateKeyRotationPolicySend(context, keyName, keyRotationPolicy, options);
  return _updateKeyRotationPolicyDeserialize(result);
}
function _getKeyRotationPolicySend(context, keyName, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/rotationpolicy{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getKeyRotationPolicyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyRotationPolicyDeserializer(result.body);
}
async function getKeyRotationPolicy(context, keyName, options = { requestOptions: {} }) {
  const result = await _getKeyRotationPolicySend(context, keyName, options);
  return _getKeyRotationPolicyDeserialize(result);
}
function _recoverDeletedKeySend(context, keyName, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/deletedkeys/{key-name}/recover{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _recoverDeletedKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyBundleDeserializer(result.body);
}
async function recoverDeletedKey(context, keyName, options = { requestOptions: {} }) {
  const result = await _recoverDeletedKeySend(context, keyName, options);
  return _recoverDeletedKeyDeserialize(result);
}
function _purgeDeletedKeySend(context, keyName, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/deletedkeys/{key-name}{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).delete({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _purgeDeletedKeyDeserialize(result) {
  const expectedStatuses = ["204"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return;
}
async function purgeDeletedKey(context, keyName, options = { requestOptions: {} }) {
  const result = await _purgeDeletedKeySend(context, keyName, options);
  return _purgeDeletedKeyDeserialize(result);
}
function _getDeletedKeySend(context, keyName, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/deletedkeys/{key-name}{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getDeletedKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return deletedKeyBundleDeserializer(result.body);
}
async function getDeletedKey(context, keyName, options = { requestOptions: {} }) {
  const result = await _getDeletedKeySend(context, keyName, options);
  return _getDeletedKeyDeserialize(result);
}
function _getDeletedKeysSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/deletedkeys{?api%2Dversion,maxresults}", {
    "api%2Dversion": context.apiVersion,
    maxresults: options?.maxresults
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getDeletedKeysDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return _deletedKeyListResultDeserializer(result.body);
}
function getDeletedKeys(context, options = { requestOptions: {} }) {
  return buildPagedAsyncIterator(context, () => _getDeletedKeysSend(context, options), _getDeletedKeysDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink" });
}
function _releaseSend(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}{/key-version}/release{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyReleaseParametersSerializer(parameters)
  });
}
async function _releaseDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyReleaseResultDeserializer(result.body);
}
async function release(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const result = await _releaseSend(context, keyName, keyVersion, parameters, options);
  return _releaseDeserialize(result);
}
function _unwrapKeySend(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/{key-version}/unwrapkey{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyOperationsParametersSerializer(parameters)
  });
}
async function _unwrapKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyOperationResultDeserializer(result.body);
}
async function unwrapKey(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const result = await _unwrapKeySend(context, keyName, keyVersion, parameters, options);
  return _unwrapKeyDeserialize(result);
}
function _wrapKeySend(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/{key-version}/wrapkey{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyOperationsParametersSerializer(parameters)
  });
}
async function _wrapKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyOperationResultDeserializer(result.body);
}
async function wrapKey(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const result = await _wrapKeySend(context, keyName, keyVersion, parameters, options);
  return _wrapKeyDeserialize(result);
}
function _verifySend(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/{key-version}/verify{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyVerifyParametersSerializer(parameters)
  });
}
async function _verifyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyVerifyResultDeserializer(result.body);
}
async function verify(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const result = await _verifySend(context, keyName, keyVersion, parameters, options);
  return _verifyDeserialize(result);
}
function _signSend(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/{key-version}/sign{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keySignParametersSerializer(parameters)
  });
}
async function _signDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyOperationResultDeserializer(result.body);
}
async function sign(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const result = await _signSend(context, keyName, keyVersion, parameters, options);
  return _signDeserialize(result);
}
function _decryptSend(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/{key-version}/decrypt{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyOperationsParametersSerializer(parameters)
  });
}
async function _decryptDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyOperationResultDeserializer(result.body);
}
async function decrypt(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const result = await _decryptSend(context, keyName, keyVersion, parameters, options);
  return _decryptDeserialize(result);
}
function _encryptSend(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/{key-version}/encrypt{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyOperationsParametersSerializer(parameters)
  });
}
async function _encryptDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyOperationResultDeserializer(result.body);
}
async function encrypt(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const result = await _encryptSend(context, keyName, keyVersion, parameters, options);
  return _encryptDeserialize(result);
}
function _restoreKeySend(context, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/restore{?api%2Dversion}", {
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyRestoreParametersSerializer(parameters)
  });
}
async function _restoreKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyBundleDeserializer(result.body);
}
async function restoreKey(context, parameters, options = { requestOptions: {} }) {
  const result = await _restoreKeySend(context, parameters, options);
  return _restoreKeyDeserialize(result);
}
function _backupKeySend(context, keyName, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/backup{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _backupKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return backupKeyResultDeserializer(result.body);
}
async function backupKey(context, keyName, options = { requestOptions: {} }) {
  const result = await _backupKeySend(context, keyName, options);
  return _backupKeyDeserialize(result);
}
function _getKeysSend(context, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys{?api%2Dversion,maxresults}", {
    "api%2Dversion": context.apiVersion,
    maxresults: options?.maxresults
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getKeysDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return _keyListResultDeserializer(result.body);
}
function getKeys(context, options = { requestOptions: {} }) {
  return buildPagedAsyncIterator(context, () => _getKeysSend(context, options), _getKeysDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink" });
}
function _getKeyVersionsSend(context, keyName, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/versions{?api%2Dversion,maxresults}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion,
    maxresults: options?.maxresults
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getKeyVersionsDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return _keyListResultDeserializer(result.body);
}
function getKeyVersions(context, keyName, options = { requestOptions: {} }) {
  return buildPagedAsyncIterator(context, () => _getKeyVersionsSend(context, keyName, options), _getKeyVersionsDeserialize, ["200"], { itemName: "value", nextLinkName: "nextLink" });
}
function _getKeySend(context, keyName, keyVersion, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/{key-version}{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).get({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _getKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyBundleDeserializer(result.body);
}
async function getKey(context, keyName, keyVersion, options = { requestOptions: {} }) {
  const result = await _getKeySend(context, keyName, keyVersion, options);
  return _getKeyDeserialize(result);
}
function _updateKeySend(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/{key-version}{?api%2Dversion}", {
    "key-name": keyName,
    "key-version": keyVersion,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).patch({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyUpdateParametersSerializer(parameters)
  });
}
async function _updateKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyBundleDeserializer(result.body);
}
async function updateKey(context, keyName, keyVersion, parameters, options = { requestOptions: {} }) {
  const result = await _updateKeySend(context, keyName, keyVersion, parameters, options);
  return _updateKeyDeserialize(result);
}
function _deleteKeySend(context, keyName, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).delete({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _deleteKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return deletedKeyBundleDeserializer(result.body);
}
async function deleteKey(context, keyName, options = { requestOptions: {} }) {
  const result = await _deleteKeySend(context, keyName, options);
  return _deleteKeyDeserialize(result);
}
function _importKeySend(context, keyName, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).put({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyImportParametersSerializer(parameters)
  });
}
async function _importKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyBundleDeserializer(result.body);
}
async function importKey(context, keyName, parameters, options = { requestOptions: {} }) {
  const result = await _importKeySend(context, keyName, parameters, options);
  return _importKeyDeserialize(result);
}
function _rotateKeySend(context, keyName, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/rotate{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    }
  });
}
async function _rotateKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyBundleDeserializer(result.body);
}
async function rotateKey(context, keyName, options = { requestOptions: {} }) {
  const result = await _rotateKeySend(context, keyName, options);
  return _rotateKeyDeserialize(result);
}
function _createKeySend(context, keyName, parameters, options = { requestOptions: {} }) {
  const path = expandUrlTemplate("/keys/{key-name}/create{?api%2Dversion}", {
    "key-name": keyName,
    "api%2Dversion": context.apiVersion
  }, {
    allowReserved: options?.requestOptions?.skipUrlEncoding
  });
  return context.path(path).post({
    ...operationOptionsToRequestParameters(options),
    contentType: "application/json",
    headers: {
      accept: "application/json",
      ...options.requestOptions?.headers
    },
    body: keyCreateParametersSerializer(parameters)
  });
}
async function _createKeyDeserialize(result) {
  const expectedStatuses = ["200"];
  if (!expectedStatuses.includes(result.status)) {
    const error = createRestError(result);
    error.details = keyVaultErrorDeserializer(result.body);
    throw error;
  }
  return keyBundleDeserializer(result.body);
}
async function createKey(context, keyName, parameters, options = { requestOptions: {} }) {
  const result = await _createKeySend(context, keyName, parameters, options);
  return _createKeyDeserialize(result);
}

// node_modules/@azure/keyvault-keys/dist/esm/keyVaultClient.js
var KeyVaultClient = class {
  _client;
  /** The pipeline used by this client to make requests */
  pipeline;
  /** The key vault client performs cryptographic key operations and vault operations against the Key Vault service. */
  constructor(endpointParam, credential, options = {}) {
    const prefixFromOptions = options?.userAgentOptions?.userAgentPrefix;
    const userAgentPrefix = prefixFromOptions ? `${prefixFromOptions} azsdk-js-client` : `azsdk-js-client`;
    this._client = createKeyVault(endpointParam, credential, {
      ...options,
      userAgentOptions: { userAgentPrefix }
    });
    this.pipeline = this._client.pipeline;
  }
  /** The get key attestation operation returns the key along with its attestation blob. This operation requires the keys/get permission. */
  getKeyAttestation(keyName, keyVersion, options = { requestOptions: {} }) {
    return getKeyAttestation(this._client, keyName, keyVersion, options);
  }
  /** Get the requested number of bytes containing random values from a managed HSM. */
  getRandomBytes(parameters, options = { requestOptions: {} }) {
    return getRandomBytes(this._client, parameters, options);
  }
  /** Set specified members in the key policy. Leave others as undefined. This operation requires the keys/update permission. */
  updateKeyRotationPolicy(keyName, keyRotationPolicy, options = { requestOptions: {} }) {
    return updateKeyRotationPolicy(this._client, keyName, keyRotationPolicy, options);
  }
  /** The GetKeyRotationPolicy operation returns the specified key policy resources in the specified key vault. This operation requires the keys/get permission. */
  getKeyRotationPolicy(keyName, options = { requestOptions: {} }) {
    return getKeyRotationPolicy(this._client, keyName, options);
  }
  /** The Recover Deleted Key operation is applicable for deleted keys in soft-delete enabled vaults. It recovers the deleted key back to its latest version under /keys. An attempt to recover an non-deleted key will return an error. Consider this the inverse of the delete operation on soft-delete enabled vaults. This operation requires the keys/recover permission. */
  recoverDeletedKey(keyName, options = { requestOptions: {} }) {
    return recoverDeletedKey(this._client, keyName, options);
  }
  /** The Purge Deleted Key operation is applicable for soft-delete enabled vaults. While the operation can be invoked on any vault, it will return an error if invoked on a non soft-delete enabled vault. This operation requires the keys/purge permission. */
  purgeDeletedKey(keyName, options = { requestOptions: {} }) {
    return purgeDeletedKey(this._client, keyName, options);
  }
  /** The Get Deleted Key operation is applicable for soft-delete enabled vaults. While the operation can be invoked on any vault, it will return an error if invoked on a non soft-delete enabled vault. This operation requires the keys/get permission. */
  getDeletedKey(keyName, options = { requestOptions: {} }) {
    return getDeletedKey(this._client, keyName, options);
  }
  /** Retrieves a list of the keys in the Key Vault as JSON Web Key structures that contain the public part of a deleted key. This operation includes deletion-specific information. The Get Deleted Keys operation is applicable for vaults enabled for soft-delete. While the operation can be invoked on any vault, it will return an error if invoked on a non soft-delete enabled vault. This operation requires the keys/list permission. */
  getDeletedKeys(options = { requestOptions: {} }) {
    return getDeletedKeys(this._client, options);
  }
  /** The release key operation is applicable to all key types. The target key must be marked exportable. This operation requires the keys/release permission. */
  release(keyName, keyVersion, parameters, options = { requestOptions: {} }) {
    return release(this._client, keyName, keyVersion, parameters, options);
  }
  /** The UNWRAP operation supports decryption of a symmetric key using the target key encryption key. This operation is the reverse of the WRAP operation. The UNWRAP operation applies to asymmetric and symmetric keys stored in Azure Key Vault since it uses the private portion of the key. This operation requires the keys/unwrapKey permission. */
  unwrapKey(keyName, keyVersion, parameters, options = { requestOptions: {} }) {
    return unwrapKey(this._client, keyName, keyVersion, parameters, options);
  }
  /** The WRAP operation supports encryption of a symmetric key using a key encryption key that has previously been stored in an Azure Key Vault. The WRAP operation is only strictly necessary for symmetric keys stored in Azure Key Vault since protection with an asymmetric key can be performed using the public portion of the key. This operation is supported for asymmetric keys as a convenience for callers that have a key-reference but do not have access to the public key material. This operation requires the keys/wrapKey permission. */
  wrapKey(keyName, keyVersion, parameters, options = { requestOptions: {} }) {
    return wrapKey(this._client, keyName, keyVersion, parameters, options);
  }
  /** The VERIFY operation is applicable to symmetric keys stored in Azure Key Vault. VERIFY is not strictly necessary for asymmetric keys stored in Azure Key Vault since signature verification can be performed using the public portion of the key but this operation is supported as a convenience for callers that only have a key-reference and not the public portion of the key. This operation requires the keys/verify permission. */
  verify(keyName, keyVersion, parameters, options = { requestOptions: {} }) {
    return verify(this._client, keyName, keyVersion, parameters, options);
  }
  /** The SIGN operation is applicable to asymmetric and symmetric keys stored in Azure Key Vault since this operation uses the private portion of the key. This operation requires the keys/sign permission. */
  sign(keyName, keyVersion, parameters, options = { requestOptions: {} }) {
    return sign(this._client, keyName, keyVersion, parameters, options);
  }
  /** The DECRYPT operation decrypts a well-formed block of ciphertext using the target encryption key and specified algorithm. This operation is the reverse of the ENCRYPT operation; only a single block of data may be decrypted, the size of this block is dependent on the target key and the algorithm to be used. The DECRYPT operation applies to asymmetric and symmetric keys stored in Azure Key Vault since it uses the private portion of the key. This operation requires the keys/decrypt permission. Microsoft recommends not to use CBC algorithms for decryption without first ensuring the integrity of the ciphertext using an HMAC, for example. See https://learn.microsoft.com/dotnet/standard/security/vulnerabilities-cbc-mode for more information. */
  decrypt(keyName, keyVersion, parameters, options = { requestOptions: {} }) {
    return decrypt(this._client, keyName, keyVersion, parameters, options);
  }
  /** The ENCRYPT operation encrypts an arbitrary sequence of bytes using an encryption key that is stored in Azure Key Vault. Note that the ENCRYPT operation only supports a single block of data, the size of which is dependent on the target key and the encryption algorithm to be used. The ENCRYPT operation is only strictly necessary for symmetric keys stored in Azure Key Vault since protection with an asymmetric key can be performed using public portion of the key. This operation is supported for asymmetric keys as a convenience for callers that have a key-reference but do not have access to the public key material. This operation requires the keys/encrypt permission. */
  encrypt(keyName, keyVersion, parameters, options = { requestOptions: {} }) {
    return encrypt(this._client, keyName, keyVersion, parameters, options);
  }
  /** Imports a previously backed up key into Azure Key Vault, restoring the key, its key identifier, attributes and access control policies. The RESTORE operation may be used to import a previously backed up key. Individual versions of a key cannot be restored. The key is restored in its entirety with the same key name as it had when it was backed up. If the key name is not available in the target Key Vault, the RESTORE operation will be rejected. While the key name is retained during restore, the final key identifier will change if the key is restored to a different vault. Restore will restore all versions and preserve version identifiers. The RESTORE operation is subject to security constraints: The target Key Vault must be owned by the same Microsoft Azure Subscription as the source Key Vault The user must have RESTORE permission in the target Key Vault. This operation requires the keys/restore permission. */
  restoreKey(parameters, options = { requestOptions: {} }) {
    return restoreKey(this._client, parameters, options);
  }
  /** The Key Backup operation exports a key from Azure Key Vault in a protected form. Note that this operation does NOT return key material in a form that can be used outside the Azure Key Vault system, the returned key material is either protected to a Azure Key Vault HSM or to Azure Key Vault itself. The intent of this operation is to allow a client to GENERATE a key in one Azure Key Vault instance, BACKUP the key, and then RESTORE it into another Azure Key Vault instance. The BACKUP operation may be used to export, in protected form, any key type from Azure Key Vault. Individual versions of a key cannot be backed up. BACKUP / RESTORE can be performed within geographical boundaries only; meaning that a BACKUP from one geographical area cannot be restored to another geographical area. For example, a backup from the US geographical area cannot be restored in an EU geographical area. This operation requires the key/backup permission. */
  backupKey(keyName, options = { requestOptions: {} }) {
    return backupKey(this._client, keyName, options);
  }
  /** Retrieves a list of the keys in the Key Vault as JSON Web Key structures that contain the public part of a stored key. The LIST operation is applicable to all key types, however only the base key identifier, attributes, and tags are provided in the response. Individual versions of a key are not listed in the response. This operation requires the keys/list permission. */
  getKeys(options = { requestOptions: {} }) {
    return getKeys(this._client, options);
  }
  /** The full key identifier, attributes, and tags are provided in the response. This operation requires the keys/list permission. */
  getKeyVersions(keyName, options = { requestOptions: {} }) {
    return getKeyVersions(this._client, keyName, options);
  }
  /** The get key operation is applicable to all key types. If the requested key is symmetric, then no key material is released in the response. This operation requires the keys/get permission. */
  getKey(keyName, keyVersion, options = { requestOptions: {} }) {
    return getKey(this._client, keyName, keyVersion, options);
  }
  /** In order to perform this operation, the key must already exist in the Key Vault. Note: The cryptographic material of a key itself cannot be changed. This operation requires the keys/update permission. */
  updateKey(keyName, keyVersion, parameters, options = { requestOptions: {} }) {
    return updateKey(this._client, keyName, keyVersion, parameters, options);
  }
  /** The delete key operation cannot be used to remove individual versions of a key. This operation removes the cryptographic material associated with the key, which means the key is not usable for Sign/Verify, Wrap/Unwrap or Encrypt/Decrypt operations. This operation requires the keys/delete permission. */
  deleteKey(keyName, options = { requestOptions: {} }) {
    return deleteKey(this._client, keyName, options);
  }
  /** The import key operation may be used to import any key type into an Azure Key Vault. If the named key already exists, Azure Key Vault creates a new version of the key. This operation requires the keys/import permission. */
  importKey(keyName, parameters, options = { requestOptions: {} }) {
    return importKey(this._client, keyName, parameters, options);
  }
  /** The operation will rotate the key based on the key policy. It requires the keys/rotate permission. */
  rotateKey(keyName, options = { requestOptions: {} }) {
    return rotateKey(this._client, keyName, options);
  }
  /** The create key operation can be used to create any key type in Azure Key Vault. If the named key already exists, Azure Key Vault creates a new version of the key. It requires the keys/create permission. */
  createKey(keyName, parameters, options = { requestOptions: {} }) {
    return createKey(this._client, keyName, parameters, options);
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/tracing.js
var tracingClient = createTracingClient({
  namespace: "Microsoft.KeyVault",
  packageName: "@azure/keyvault-keys",
  packageVersion: SDK_VERSION
});

// node_modules/@azure/keyvault-keys/dist/esm/identifier.js
function parseKeyVaultKeyIdentifier(id) {
  const urlParts = id.split("/");
  const collection = urlParts[3];
  return {
    sourceId: id,
    ...parseKeyVaultIdentifier(collection, id)
  };
}

// node_modules/@azure/keyvault-keys/dist/esm/transformations.js
function getKeyFromKeyBundle(bundle) {
  const keyBundle = bundle;
  const deletedKeyBundle = bundle;
  const parsedId = parseKeyVaultKeyIdentifier(keyBundle.key.kid);
  const attributes = keyBundle.attributes || {};
  const resultObject = {
    key: keyBundle.key,
    id: keyBundle.key ? keyBundle.key.kid : void 0,
    name: parsedId.name,
    keyOperations: keyBundle.key ? keyBundle.key.keyOps : void 0,
    keyType: keyBundle.key ? keyBundle.key.kty : void 0,
    properties: {
      tags: keyBundle.tags,
      enabled: attributes.enabled,
      notBefore: attributes.notBefore,
      expiresOn: attributes.expires,
      createdOn: attributes.created,
      updatedOn: attributes.updated,
      recoverableDays: attributes.recoverableDays,
      recoveryLevel: attributes.recoveryLevel,
      exportable: attributes.exportable,
      releasePolicy: keyBundle.releasePolicy,
      hsmPlatform: attributes.hsmPlatform,
      vaultUrl: parsedId.vaultUrl,
      version: parsedId.version,
      name: parsedId.name,
      managed: keyBundle.managed,
      id: keyBundle.key ? keyBundle.key.kid : void 0
    }
  };
  if (deletedKeyBundle.recoveryId) {
    resultObject.properties.recoveryId = deletedKeyBundle.recoveryId;
    resultObject.properties.scheduledPurgeDate = deletedKeyBundle.scheduledPurgeDate;
    resultObject.properties.deletedOn = deletedKeyBundle.deletedDate;
  }
  if (attributes.attestation) {
    resultObject.properties.attestation = attributes.attestation;
  }
  return resultObject;
}
function getDeletedKeyFromDeletedKeyItem(keyItem) {
  const commonProperties = getKeyPropertiesFromKeyItem(keyItem);
  return {
    key: {
      kid: keyItem.kid
    },
    id: keyItem.kid,
    name: commonProperties.name,
    properties: {
      ...commonProperties,
      recoveryId: keyItem.recoveryId,
      scheduledPurgeDate: keyItem.scheduledPurgeDate,
      deletedOn: keyItem.deletedDate
    }
  };
}
function getKeyPropertiesFromKeyItem(keyItem) {
  const parsedId = parseKeyVaultKeyIdentifier(keyItem.kid);
  const attributes = keyItem.attributes || {};
  const resultObject = {
    createdOn: attributes.created,
    enabled: attributes?.enabled,
    expiresOn: attributes?.expires,
    id: keyItem.kid,
    managed: keyItem.managed,
    name: parsedId.name,
    notBefore: attributes?.notBefore,
    recoverableDays: attributes?.recoverableDays,
    recoveryLevel: attributes?.recoveryLevel,
    hsmPlatform: attributes?.hsmPlatform,
    tags: keyItem.tags,
    updatedOn: attributes.updated,
    vaultUrl: parsedId.vaultUrl,
    version: parsedId.version
  };
  return resultObject;
}
var actionTypeCaseInsensitiveMapping = {
  rotate: "Rotate",
  notify: "Notify"
};
function getNormalizedActionType(caseInsensitiveActionType) {
  const result = actionTypeCaseInsensitiveMapping[caseInsensitiveActionType.toLowerCase()];
  if (result) {
    return result;
  }
  throw new Error(`Unrecognized action type: ${caseInsensitiveActionType}`);
}
var keyRotationTransformations = {
  propertiesToGenerated: function(parameters) {
    const policy = {
      attributes: {
        expiryTime: parameters.expiresIn
      },
      lifetimeActions: parameters.lifetimeActions?.map((action) => {
        const generatedAction = {
          action: { type: action.action },
          trigger: {}
        };
        if (action.timeAfterCreate) {
          generatedAction.trigger.timeAfterCreate = action.timeAfterCreate;
        }
        if (action.timeBeforeExpiry) {
          generatedAction.trigger.timeBeforeExpiry = action.timeBeforeExpiry;
        }
        return generatedAction;
      })
    };
    return policy;
  },
  generatedToPublic(generated) {
    const policy = {
      id: generated.id,
      createdOn: generated.attributes?.created,
      updatedOn: generated.attributes?.updated,
      expiresIn: generated.attributes?.expiryTime,
      lifetimeActions: generated.lifetimeActions?.map((action) => {
        return {
          action: getNormalizedActionType(action.action.type),
          timeAfterCreate: action.trigger?.timeAfterCreate,
          timeBeforeExpiry: action.trigger?.timeBeforeExpiry
        };
      })
    };
    return policy;
  }
};
function mapPagedAsyncIterable(options, operation, mapper) {
  let iter = void 0;
  return {
    async next() {
      iter ??= operation({ ...options, maxresults: void 0 });
      const result = await iter.next();
      return {
        ...result,
        value: result.value && mapper(result.value)
      };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
    async *byPage(settings) {
      const iteratorByPage = operation({ ...options, maxresults: settings?.maxPageSize }).byPage(settings);
      for await (const page of iteratorByPage) {
        yield page.map(mapper);
      }
    }
  };
}

// node_modules/@azure/keyvault-keys/dist/esm/lro/keyVaultKeyPoller.js
var KeyVaultKeyPoller = class extends Poller {
  /**
   * Defines how much time the poller is going to wait before making a new request to the service.
   */
  intervalInMs = 2e3;
  /**
   * The method used by the poller to wait before attempting to update its operation.
   */
  async delay() {
    return delay(this.intervalInMs);
  }
};
var KeyVaultKeyPollOperation = class {
  state;
  cancelMessage = "";
  constructor(state, options = {}) {
    this.state = state;
    if (options.cancelMessage) {
      this.cancelMessage = options.cancelMessage;
    }
  }
  /**
   * Meant to reach to the service and update the Poller operation.
   */
  async update() {
    throw new Error("Operation not supported.");
  }
  /**
   * Meant to reach to the service and cancel the Poller operation.
   */
  async cancel() {
    throw new Error(this.cancelMessage);
  }
  /**
   * Serializes the Poller operation.
   */
  toString() {
    return JSON.stringify({
      state: this.state
    });
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/lro/delete/operation.js
var DeleteKeyPollOperation = class extends KeyVaultKeyPollOperation {
  state;
  client;
  operationOptions;
  constructor(state, client, operationOptions = {}) {
    super(state, { cancelMessage: "Canceling the deletion of a key is not supported." });
    this.state = state;
    this.client = client;
    this.operationOptions = operationOptions;
  }
  /**
   * Sends a delete request for the given Key Vault Key's name to the Key Vault service.
   * Since the Key Vault Key won't be immediately deleted, we have {@link beginDeleteKey}.
   */
  deleteKey(name, options = {}) {
    return tracingClient.withSpan("DeleteKeyPoller.deleteKey", options, async (updatedOptions) => {
      const response = await this.client.deleteKey(name, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * The getDeletedKey method returns the specified deleted key along with its properties.
   * This operation requires the keys/get permission.
   */
  getDeletedKey(name, options = {}) {
    return tracingClient.withSpan("DeleteKeyPoller.getDeletedKey", options, async (updatedOptions) => {
      const response = await this.client.getDeletedKey(name, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * Reaches to the service and updates the delete key's poll operation.
   */
  async update(options = {}) {
    const state = this.state;
    const { name } = state;
    if (options.abortSignal) {
      this.operationOptions.abortSignal = options.abortSignal;
    }
    if (!state.isStarted) {
      const deletedKey = await this.deleteKey(name, this.operationOptions);
      state.isStarted = true;
      state.result = deletedKey;
      if (!deletedKey.properties.recoveryId) {
        state.isCompleted = true;
      }
    }
    if (!state.isCompleted) {
      try {
        state.result = await this.getDeletedKey(name, this.operationOptions);
        state.isCompleted = true;
      } catch (error) {
        if (error.statusCode === 403) {
          state.isCompleted = true;
        } else if (error.statusCode !== 404) {
          state.error = error;
          state.isCompleted = true;
          throw error;
        }
      }
    }
    return this;
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/lro/delete/poller.js
var DeleteKeyPoller = class extends KeyVaultKeyPoller {
  constructor(options) {
    const { client, name, operationOptions, intervalInMs = 2e3, resumeFrom } = options;
    let state;
    if (resumeFrom) {
      state = JSON.parse(resumeFrom).state;
    }
    const operation = new DeleteKeyPollOperation({
      ...state,
      name
    }, client, operationOptions);
    super(operation);
    this.intervalInMs = intervalInMs;
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/lro/recover/operation.js
var RecoverDeletedKeyPollOperation = class extends KeyVaultKeyPollOperation {
  state;
  client;
  operationOptions;
  constructor(state, client, operationOptions = {}) {
    super(state, { cancelMessage: "Canceling the recovery of a deleted key is not supported." });
    this.state = state;
    this.client = client;
    this.operationOptions = operationOptions;
  }
  /**
   * The getKey method gets a specified key and is applicable to any key stored in Azure Key Vault.
   * This operation requires the keys/get permission.
   */
  getKey(name, options = {}) {
    return tracingClient.withSpan("RecoverDeleteKeyPoller.getKey", options, async (updatedOptions) => {
      const response = await this.client.getKey(name, updatedOptions?.version || "", updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * Sends a request to recover a deleted Key Vault Key based on the given name.
   * Since the Key Vault Key won't be immediately recover the deleted key, we have {@link beginRecoverDeletedKey}.
   */
  async recoverDeletedKey(name, options = {}) {
    return tracingClient.withSpan("RecoverDeletedKeyPoller.recoverDeleteKey", options, async (updatedOptions) => {
      const response = await this.client.recoverDeletedKey(name, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * Reaches to the service and updates the delete key's poll operation.
   */
  async update(options = {}) {
    const state = this.state;
    const { name } = state;
    const operationOptions = this.operationOptions;
    if (options.abortSignal) {
      operationOptions.abortSignal = options.abortSignal;
    }
    if (!state.isStarted) {
      try {
        state.result = await this.getKey(name, operationOptions);
        state.isCompleted = true;
      } catch {
      }
      if (!state.isCompleted) {
        state.result = await this.recoverDeletedKey(name, operationOptions);
        state.isStarted = true;
      }
    }
    if (!state.isCompleted) {
      try {
        state.result = await this.getKey(name, operationOptions);
        state.isCompleted = true;
      } catch (error) {
        if (error.statusCode === 403) {
          state.isCompleted = true;
        } else if (error.statusCode !== 404) {
          state.error = error;
          state.isCompleted = true;
          throw error;
        }
      }
    }
    return this;
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/lro/recover/poller.js
var RecoverDeletedKeyPoller = class extends KeyVaultKeyPoller {
  constructor(options) {
    const { client, name, operationOptions, intervalInMs = 2e3, resumeFrom } = options;
    let state;
    if (resumeFrom) {
      state = JSON.parse(resumeFrom).state;
    }
    const operation = new RecoverDeletedKeyPollOperation({
      ...state,
      name
    }, client, operationOptions);
    super(operation);
    this.intervalInMs = intervalInMs;
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/keysModels.js
var LATEST_API_VERSION = "2025-07-01";
var KnownKeyOperations;
(function(KnownKeyOperations2) {
  KnownKeyOperations2["Encrypt"] = "encrypt";
  KnownKeyOperations2["Decrypt"] = "decrypt";
  KnownKeyOperations2["Sign"] = "sign";
  KnownKeyOperations2["Verify"] = "verify";
  KnownKeyOperations2["WrapKey"] = "wrapKey";
  KnownKeyOperations2["UnwrapKey"] = "unwrapKey";
  KnownKeyOperations2["Import"] = "import";
})(KnownKeyOperations || (KnownKeyOperations = {}));

// node_modules/@azure/keyvault-keys/dist/esm/cryptography/crypto.js

var algorithmToHashAlgorithm = {
  ES256: "SHA256",
  ES256K: "SHA256",
  PS256: "SHA256",
  RS256: "SHA256",
  ES384: "SHA384",
  PS384: "SHA384",
  RS384: "SHA384",
  ES512: "SHA512",
  PS512: "SHA512",
  RS512: "SHA512"
};
async function createHash(algorithm, data) {
  const hashAlgorithm = algorithmToHashAlgorithm[algorithm];
  if (!hashAlgorithm) {
    throw new Error(`Invalid algorithm ${algorithm} passed to createHash. Supported algorithms: ${Object.keys(algorithmToHashAlgorithm).join(", ")}`);
  }
  const hash = cryptoCreateHash(hashAlgorithm);
  hash.update(Buffer.from(data));
  const digest = hash.digest();
  return digest;
}
function createVerify(algorithm, data) {
  const verifyAlgorithm = algorithmToHashAlgorithm[algorithm];
  if (!verifyAlgorithm) {
    throw new Error(`Invalid algorithm ${algorithm} passed to createHash. Supported algorithms: ${Object.keys(algorithmToHashAlgorithm).join(", ")}`);
  }
  const verifier = cryptoCreateVerify(verifyAlgorithm);
  verifier.update(Buffer.from(data));
  verifier.end();
  return verifier;
}
function randomBytes(length) {
  return cryptoRandomBytes(length);
}

// node_modules/@azure/keyvault-keys/dist/esm/cryptography/remoteCryptographyProvider.js
var RemoteCryptographyProvider = class {
  constructor(key, credential, pipelineOptions = {}) {
    this.key = key;
    let keyId;
    if (typeof key === "string") {
      keyId = key;
    } else {
      keyId = key.id;
    }
    try {
      const parsed = parseKeyVaultKeyIdentifier(keyId);
      if (parsed.name === "") {
        throw new Error("Could not find 'name' of key in key URL");
      }
      if (!parsed.vaultUrl || parsed.vaultUrl === "") {
        throw new Error("Could not find 'vaultUrl' of key in key URL");
      }
      this.vaultUrl = parsed.vaultUrl;
      this.name = parsed.name;
      this.version = parsed.version ?? "";
      this.client = getOrInitializeClient(this.vaultUrl, credential, pipelineOptions);
    } catch (err) {
      logger.error(err);
      throw new Error(`${keyId} is not a valid Key Vault key ID`);
    }
  }
  // The remote client supports all algorithms and all operations.
  isSupported(_algorithm, _operation) {
    return true;
  }
  encrypt(encryptParameters, options = {}) {
    const { algorithm, plaintext, ...params } = encryptParameters;
    const requestOptions = { ...options, ...params };
    return tracingClient.withSpan("RemoteCryptographyProvider.encrypt", requestOptions, async (updatedOptions) => {
      const result = await this.client.encrypt(this.name, this.version, {
        algorithm,
        value: plaintext,
        aad: "additionalAuthenticatedData" in encryptParameters ? encryptParameters.additionalAuthenticatedData : void 0,
        iv: "iv" in encryptParameters ? encryptParameters.iv : void 0
      }, updatedOptions);
      return {
        algorithm: encryptParameters.algorithm,
        result: result.result,
        keyID: this.getKeyID(),
        additionalAuthenticatedData: result.additionalAuthenticatedData,
        authenticationTag: result.authenticationTag,
        iv: result.iv
      };
    });
  }
  decrypt(decryptParameters, options = {}) {
    const { algorithm, ciphertext, ...params } = decryptParameters;
    const requestOptions = { ...options, ...params };
    return tracingClient.withSpan("RemoteCryptographyProvider.decrypt", requestOptions, async (updatedOptions) => {
      const result = await this.client.decrypt(this.name, this.version, {
        algorithm,
        value: ciphertext,
        aad: "additionalAuthenticatedData" in decryptParameters ? decryptParameters.additionalAuthenticatedData : void 0,
        iv: "iv" in decryptParameters ? decryptParameters.iv : void 0,
        tag: "authenticationTag" in decryptParameters ? decryptParameters.authenticationTag : void 0
      }, updatedOptions);
      return {
        result: result.result,
        keyID: this.getKeyID(),
        algorithm
      };
    });
  }
  wrapKey(algorithm, keyToWrap, options = {}) {
    return tracingClient.withSpan("RemoteCryptographyProvider.wrapKey", options, async (updatedOptions) => {
      const result = await this.client.wrapKey(this.name, this.version, {
        algorithm,
        value: keyToWrap
      }, updatedOptions);
      return {
        result: result.result,
        algorithm,
        keyID: this.getKeyID()
      };
    });
  }
  unwrapKey(algorithm, encryptedKey, options = {}) {
    return tracingClient.withSpan("RemoteCryptographyProvider.unwrapKey", options, async (updatedOptions) => {
      const result = await this.client.unwrapKey(this.name, this.version, {
        algorithm,
        value: encryptedKey
      }, updatedOptions);
      return {
        result: result.result,
        algorithm,
        keyID: this.getKeyID()
      };
    });
  }
  sign(algorithm, digest, options = {}) {
    return tracingClient.withSpan("RemoteCryptographyProvider.sign", options, async (updatedOptions) => {
      const result = await this.client.sign(this.name, this.version, {
        algorithm,
        value: digest
      }, updatedOptions);
      return { result: result.result, algorithm, keyID: this.getKeyID() };
    });
  }
  verifyData(algorithm, data, signature, options = {}) {
    return tracingClient.withSpan("RemoteCryptographyProvider.verifyData", options, async (updatedOptions) => {
      const hash = await createHash(algorithm, data);
      return this.verify(algorithm, hash, signature, updatedOptions);
    });
  }
  verify(algorithm, digest, signature, options = {}) {
    return tracingClient.withSpan("RemoteCryptographyProvider.verify", options, async (updatedOptions) => {
      const response = await this.client.verify(this.name, this.version, {
        algorithm,
        digest,
        signature
      }, updatedOptions);
      return {
        result: response.value ? response.value : false,
        keyID: this.getKeyID()
      };
    });
  }
  signData(algorithm, data, options = {}) {
    return tracingClient.withSpan("RemoteCryptographyProvider.signData", options, async (updatedOptions) => {
      const digest = await createHash(algorithm, data);
      const result = await this.client.sign(this.name, this.version, {
        algorithm,
        value: digest
      }, updatedOptions);
      return { result: result.result, algorithm, keyID: this.getKeyID() };
    });
  }
  /**
   * The base URL to the vault.
   */
  vaultUrl;
  /**
   * The ID of the key used to perform cryptographic operations for the client.
   */
  get keyId() {
    return this.getKeyID();
  }
  /**
   * Gets the {@link KeyVaultKey} used for cryptography operations, fetching it
   * from KeyVault if necessary.
   * @param options - Additional options.
   */
  getKey(options = {}) {
    return tracingClient.withSpan("RemoteCryptographyProvider.getKey", options, async (updatedOptions) => {
      if (typeof this.key === "string") {
        if (!this.name || this.name === "") {
          throw new Error("getKey requires a key with a name");
        }
        const response = await this.client.getKey(this.name, options && options.version ? options.version : this.version ? this.version : "", updatedOptions);
        this.key = getKeyFromKeyBundle(response);
      }
      return this.key;
    });
  }
  /**
   * A reference to the auto-generated KeyVault HTTP client.
   */
  client;
  /**
   * A reference to the key used for the cryptographic operations.
   * Based on what was provided to the CryptographyClient constructor,
   * it can be either a string with the URL of a Key Vault Key, or an already parsed {@link KeyVaultKey}.
   */
  key;
  /**
   * Name of the key the client represents
   */
  name;
  /**
   * Version of the key the client represents
   */
  version;
  /**
   * Attempts to retrieve the ID of the key.
   */
  getKeyID() {
    let kid;
    if (typeof this.key !== "string") {
      kid = this.key.id;
    } else {
      kid = this.key;
    }
    return kid;
  }
};
function getOrInitializeClient(vaultUrl, credential, options) {
  if (options.generatedClient) {
    return options.generatedClient;
  }
  const libInfo = `azsdk-js-keyvault-keys/${SDK_VERSION}`;
  const userAgentOptions = options.userAgentOptions;
  options.userAgentOptions = {
    userAgentPrefix: userAgentOptions && userAgentOptions.userAgentPrefix ? `${userAgentOptions.userAgentPrefix} ${libInfo}` : libInfo
  };
  const internalPipelineOptions = {
    ...options,
    apiVersion: options.serviceVersion || LATEST_API_VERSION,
    loggingOptions: {
      logger: logger.info,
      additionalAllowedHeaderNames: [
        "x-ms-keyvault-region",
        "x-ms-keyvault-network-info",
        "x-ms-keyvault-service-version"
      ]
    }
  };
  const client = new KeyVaultClient(vaultUrl, credential, internalPipelineOptions);
  client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
  client.pipeline.addPolicy(keyVaultAuthenticationPolicy(credential, options));
  client.pipeline.addPolicy({
    name: "ContentTypePolicy",
    sendRequest(request, next) {
      const contentType = request.headers.get("Content-Type") ?? "";
      if (contentType.startsWith("application/json")) {
        request.headers.set("Content-Type", "application/json");
      }
      return next(request);
    }
  });
  return client;
}

// node_modules/@azure/keyvault-keys/dist/esm/cryptography/rsaCryptographyProvider.js



// node_modules/@azure/keyvault-keys/dist/esm/cryptography/conversions.js
function encodeLength(length) {
  if (length <= 127) {
    return Uint8Array.of(length);
  } else if (length < 256) {
    return Uint8Array.of(129, length);
  } else if (length < 65536) {
    return Uint8Array.of(130, length >> 8, length & 255);
  } else {
    throw new Error("Unsupported length to encode");
  }
}
function encodeBuffer(buffer, bufferId) {
  if (buffer.length === 0) {
    return buffer;
  }
  let result = new Uint8Array(buffer);
  if (result[0] & 128) {
    const array = new Uint8Array(result.length + 1);
    array[0] = 0;
    array.set(result, 1);
    result = array;
  }
  const encodedLength = encodeLength(result.length);
  const totalLength = 1 + encodedLength.length + result.length;
  const outputBuffer = new Uint8Array(totalLength);
  outputBuffer[0] = bufferId;
  outputBuffer.set(encodedLength, 1);
  outputBuffer.set(result, 1 + encodedLength.length);
  return outputBuffer;
}
function makeSequence(encodedParts) {
  const totalLength = encodedParts.reduce((sum, part) => sum + part.length, 0);
  const sequence = new Uint8Array(totalLength);
  for (let i = 0; i < encodedParts.length; i++) {
    const previousLength = i > 0 ? encodedParts[i - 1].length : 0;
    sequence.set(encodedParts[i], previousLength);
  }
  const full_encoded = encodeBuffer(sequence, 48);
  return uint8ArrayToString(full_encoded, "base64");
}
function formatBase64Sequence(base64Sequence) {
  const lines = base64Sequence.match(/.{1,64}/g);
  let result = "";
  if (lines) {
    for (const line of lines) {
      result += line;
      result += "\n";
    }
  } else {
    throw new Error("Could not create correct PEM");
  }
  return result;
}
function convertJWKtoPEM(key) {
  let result = "";
  if (key.n && key.e) {
    const parts = [key.n, key.e];
    const encodedParts = parts.map((part) => encodeBuffer(part, 2));
    const base64Sequence = makeSequence(encodedParts);
    result += "-----BEGIN RSA PUBLIC KEY-----\n";
    result += formatBase64Sequence(base64Sequence);
    result += "-----END RSA PUBLIC KEY-----\n";
  }
  if (!result.length) {
    throw new Error("Unsupported key format for local operations");
  }
  return result.slice(0, -1);
}

// node_modules/@azure/keyvault-keys/dist/esm/cryptography/models.js
var LocalCryptographyUnsupportedError = class extends Error {
};

// node_modules/@azure/keyvault-keys/dist/esm/cryptography/rsaCryptographyProvider.js
var RsaCryptographyProvider = class {
  constructor(key) {
    this.key = key;
  }
  isSupported(algorithm, operation) {
    return this.applicableAlgorithms.includes(algorithm) && this.applicableOperations.includes(operation);
  }
  encrypt(encryptParameters, _options) {
    this.ensureValid();
    const keyPEM = convertJWKtoPEM(this.key);
    const padding = encryptParameters.algorithm === "RSA1_5" ? RSA_PKCS1_PADDING : RSA_PKCS1_OAEP_PADDING;
    return Promise.resolve({
      algorithm: encryptParameters.algorithm,
      keyID: this.key.kid,
      result: publicEncrypt({ key: keyPEM, padding }, Buffer.from(encryptParameters.plaintext))
    });
  }
  decrypt(_decryptParameters, _options) {
    throw new LocalCryptographyUnsupportedError("Decrypting using a local JsonWebKey is not supported.");
  }
  wrapKey(algorithm, keyToWrap, _options) {
    this.ensureValid();
    const keyPEM = convertJWKtoPEM(this.key);
    const padding = algorithm === "RSA1_5" ? RSA_PKCS1_PADDING : RSA_PKCS1_OAEP_PADDING;
    return Promise.resolve({
      algorithm,
      result: publicEncrypt({ key: keyPEM, padding }, Buffer.from(keyToWrap)),
      keyID: this.key.kid
    });
  }
  unwrapKey(_algorithm, _encryptedKey, _options) {
    throw new LocalCryptographyUnsupportedError("Unwrapping a key using a local JsonWebKey is not supported.");
  }
  sign(_algorithm, _digest, _options) {
    throw new LocalCryptographyUnsupportedError("Signing a digest using a local JsonWebKey is not supported.");
  }
  signData(_algorithm, _data, _options) {
    throw new LocalCryptographyUnsupportedError("Signing a block of data using a local JsonWebKey is not supported.");
  }
  async verify(_algorithm, _digest, _signature, _options) {
    throw new LocalCryptographyUnsupportedError("Verifying a digest using a local JsonWebKey is not supported.");
  }
  verifyData(algorithm, data, signature, _options) {
    this.ensureValid();
    const keyPEM = convertJWKtoPEM(this.key);
    const verifier = createVerify(algorithm, data);
    return Promise.resolve({
      result: verifier.verify(keyPEM, Buffer.from(signature)),
      keyID: this.key.kid
    });
  }
  /**
   * The {@link JsonWebKey} used to perform crypto operations.
   */
  key;
  /**
   * The set of algorithms this provider supports
   */
  applicableAlgorithms = [
    "RSA1_5",
    "RSA-OAEP",
    "PS256",
    "RS256",
    "PS384",
    "RS384",
    "PS512",
    "RS512"
  ];
  /**
   * The set of operations this provider supports
   */
  applicableOperations = [
    "encrypt",
    "wrapKey",
    "verifyData"
  ];
  /**
   * Mapping between signature algorithms and their corresponding hash algorithms. Externally used for testing.
   * @internal
   */
  signatureAlgorithmToHashAlgorithm = {
    PS256: "SHA256",
    RS256: "SHA256",
    PS384: "SHA384",
    RS384: "SHA384",
    PS512: "SHA512",
    RS512: "SHA512"
  };
  ensureValid() {
    if (this.key && this.key.kty?.toUpperCase() !== "RSA" && this.key.kty?.toUpperCase() !== "RSA-HSM") {
      throw new Error("Key type does not match the algorithm RSA");
    }
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/cryptography/aesCryptographyProvider.js

var AesCryptographyProvider = class {
  key;
  constructor(key) {
    this.key = key;
  }
  encrypt(encryptParameters, _options) {
    const { algorithm, keySizeInBytes } = this.supportedAlgorithms[encryptParameters.algorithm];
    const iv = encryptParameters.iv || crypto.randomBytes(16);
    this.ensureValid(keySizeInBytes);
    const cipher = crypto.createCipheriv(algorithm, this.key.k.subarray(0, keySizeInBytes), iv);
    let encrypted = cipher.update(Buffer.from(encryptParameters.plaintext));
    encrypted = Buffer.concat([encrypted, cipher.final()]);
    return Promise.resolve({
      algorithm: encryptParameters.algorithm,
      result: encrypted,
      iv
    });
  }
  decrypt(decryptParameters, _options) {
    const { algorithm, keySizeInBytes } = this.supportedAlgorithms[decryptParameters.algorithm];
    this.ensureValid(keySizeInBytes);
    const decipher = crypto.createDecipheriv(algorithm, this.key.k.subarray(0, keySizeInBytes), decryptParameters.iv);
    let dec = decipher.update(Buffer.from(decryptParameters.ciphertext));
    dec = Buffer.concat([dec, decipher.final()]);
    return Promise.resolve({
      algorithm: decryptParameters.algorithm,
      result: dec
    });
  }
  isSupported(algorithm, operation) {
    if (!this.key.k) {
      return false;
    }
    if (!Object.keys(this.supportedAlgorithms).includes(algorithm)) {
      return false;
    }
    if (!this.supportedOperations.includes(operation)) {
      return false;
    }
    return true;
  }
  /**
   * The set of algorithms this provider supports.
   * For AES encryption, the values include the underlying algorithm used in crypto
   * as well as the key size in bytes.
   *
   * We start with support for A[SIZE]CBCPAD which uses the PKCS padding (the default padding scheme in node crypto)
   */
  supportedAlgorithms = {
    A128CBCPAD: {
      algorithm: "aes-128-cbc",
      keySizeInBytes: 128 >> 3
    },
    A192CBCPAD: {
      algorithm: "aes-192-cbc",
      keySizeInBytes: 192 >> 3
    },
    A256CBCPAD: {
      algorithm: "aes-256-cbc",
      keySizeInBytes: 256 >> 3
    }
  };
  supportedOperations = ["encrypt", "decrypt"];
  wrapKey(_algorithm, _keyToWrap, _options) {
    throw new LocalCryptographyUnsupportedError("Wrapping a key using a local JsonWebKey is not supported for AES.");
  }
  unwrapKey(_algorithm, _encryptedKey, _options) {
    throw new LocalCryptographyUnsupportedError("Unwrapping a key using a local JsonWebKey is not supported for AES.");
  }
  sign(_algorithm, _digest, _options) {
    throw new LocalCryptographyUnsupportedError("Signing using a local JsonWebKey is not supported for AES.");
  }
  signData(_algorithm, _data, _options) {
    throw new LocalCryptographyUnsupportedError("Signing using a local JsonWebKey is not supported for AES.");
  }
  verify(_algorithm, _digest, _signature, _options) {
    throw new LocalCryptographyUnsupportedError("Verifying using a local JsonWebKey is not supported for AES.");
  }
  verifyData(_algorithm, _data, _signature, _updatedOptions) {
    throw new LocalCryptographyUnsupportedError("Verifying using a local JsonWebKey is not supported for AES.");
  }
  ensureValid(keySizeInBytes) {
    if (this.key && this.key.kty?.toUpperCase() !== "OCT" && this.key.kty?.toUpperCase() !== "OCT-HSM") {
      throw new Error("Key type does not match the key type oct or oct-hsm");
    }
    if (!this.key.k) {
      throw new Error("Symmetric key is required");
    }
    if (this.key.k.length < keySizeInBytes) {
      throw new Error(`Key must be at least ${keySizeInBytes << 3} bits`);
    }
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/cryptographyClient.js
var CryptographyClient = class {
  /**
   * The key the CryptographyClient currently holds.
   */
  key;
  /**
   * The remote provider, which would be undefined if used in local mode.
   */
  remoteProvider;
  /**
   * Internal constructor implementation for either local or Key Vault backed keys.
   * @param key - The key to use during cryptography tasks.
   * @param credential - Teh credential to use when constructing a Key Vault Cryptography client.
   */
  constructor(key, credential, pipelineOptions = {}) {
    if (typeof key === "string") {
      this.key = {
        kind: "identifier",
        value: key
      };
      this.remoteProvider = new RemoteCryptographyProvider(key, credential, pipelineOptions);
    } else if ("name" in key) {
      this.key = {
        kind: "KeyVaultKey",
        value: key
      };
      this.remoteProvider = new RemoteCryptographyProvider(key, credential, pipelineOptions);
    } else {
      this.key = {
        kind: "JsonWebKey",
        value: key
      };
    }
  }
  /**
   * The base URL to the vault. If a local {@link JsonWebKey} is used vaultUrl will be empty.
   */
  get vaultUrl() {
    return this.remoteProvider?.vaultUrl || "";
  }
  /**
   * The ID of the key used to perform cryptographic operations for the client.
   */
  get keyID() {
    if (this.key.kind === "identifier" || this.key.kind === "remoteOnlyIdentifier") {
      return this.key.value;
    } else if (this.key.kind === "KeyVaultKey") {
      return this.key.value.id;
    } else {
      return this.key.value.kid;
    }
  }
  encrypt(...args) {
    const [parameters, options] = this.disambiguateEncryptArguments(args);
    return tracingClient.withSpan("CryptographyClient.encrypt", options, async (updatedOptions) => {
      this.ensureValid(await this.fetchKey(updatedOptions), KnownKeyOperations.Encrypt);
      this.initializeIV(parameters);
      const provider = await this.getProvider("encrypt", parameters.algorithm, updatedOptions);
      try {
        return provider.encrypt(parameters, updatedOptions);
      } catch (error) {
        if (this.remoteProvider) {
          return this.remoteProvider.encrypt(parameters, updatedOptions);
        }
        throw error;
      }
    });
  }
  initializeIV(parameters) {
    const algorithmsRequiringIV = [
      "A128CBC",
      "A128CBCPAD",
      "A192CBC",
      "A192CBCPAD",
      "A256CBC",
      "A256CBCPAD"
    ];
    if (parameters.algorithm in algorithmsRequiringIV) {
      try {
        const cbcParams = parameters;
        if (!cbcParams.iv) {
          cbcParams.iv = randomBytes(16);
        }
      } catch (e) {
        throw new Error(`Unable to initialize IV for algorithm ${parameters.algorithm}. You may pass a valid IV to avoid this error. Error: ${e.message}`);
      }
    }
  }
  /**
   * Standardizes the arguments of multiple overloads into a single shape.
   * @param args - The encrypt arguments
   */
  disambiguateEncryptArguments(args) {
    if (typeof args[0] === "string") {
      return [
        {
          algorithm: args[0],
          plaintext: args[1]
        },
        args[2] || {}
      ];
    } else {
      return [args[0], args[1] || {}];
    }
  }
  decrypt(...args) {
    const [parameters, options] = this.disambiguateDecryptArguments(args);
    return tracingClient.withSpan("CryptographyClient.decrypt", options, async (updatedOptions) => {
      this.ensureValid(await this.fetchKey(updatedOptions), KnownKeyOperations.Decrypt);
      const provider = await this.getProvider("decrypt", parameters.algorithm, updatedOptions);
      try {
        return provider.decrypt(parameters, updatedOptions);
      } catch (error) {
        if (this.remoteProvider) {
          return this.remoteProvider.decrypt(parameters, updatedOptions);
        }
        throw error;
      }
    });
  }
  /**
   * Standardizes the arguments of multiple overloads into a single shape.
   * @param args - The decrypt arguments
   */
  disambiguateDecryptArguments(args) {
    if (typeof args[0] === "string") {
      return [
        {
          algorithm: args[0],
          ciphertext: args[1]
        },
        args[2] || {}
      ];
    } else {
      return [args[0], args[1] || {}];
    }
  }
  /**
   * Wraps the given key using the specified cryptography algorithm
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleWrapKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient, CryptographyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const myKey = await client.createKey("MyKey", "RSA");
   * const cryptographyClient = new CryptographyClient(myKey, credential);
   *
   * const wrapResult = await cryptographyClient.wrapKey("RSA-OAEP", Buffer.from("My Key"));
   * console.log("wrap result:", wrapResult.result);
   * ```
   * @param algorithm - The encryption algorithm to use to wrap the given key.
   * @param key - The key to wrap.
   * @param options - Additional options.
   */
  wrapKey(algorithm, key, options = {}) {
    return tracingClient.withSpan("CryptographyClient.wrapKey", options, async (updatedOptions) => {
      this.ensureValid(await this.fetchKey(updatedOptions), KnownKeyOperations.WrapKey);
      const provider = await this.getProvider("wrapKey", algorithm, updatedOptions);
      try {
        return provider.wrapKey(algorithm, key, updatedOptions);
      } catch (err) {
        if (this.remoteProvider) {
          return this.remoteProvider.wrapKey(algorithm, key, options);
        }
        throw err;
      }
    });
  }
  /**
   * Unwraps the given wrapped key using the specified cryptography algorithm
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleUnwrapKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient, CryptographyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const myKey = await client.createKey("MyKey", "RSA");
   * const cryptographyClient = new CryptographyClient(myKey, credential);
   *
   * const wrapResult = await cryptographyClient.wrapKey("RSA-OAEP", Buffer.from("My Key"));
   * console.log("wrap result:", wrapResult.result);
   *
   * const unwrapResult = await cryptographyClient.unwrapKey("RSA-OAEP", wrapResult.result);
   * console.log("unwrap result: ", unwrapResult.result);
   * ```
   * @param algorithm - The decryption algorithm to use to unwrap the key.
   * @param encryptedKey - The encrypted key to unwrap.
   * @param options - Additional options.
   */
  unwrapKey(algorithm, encryptedKey, options = {}) {
    return tracingClient.withSpan("CryptographyClient.unwrapKey", options, async (updatedOptions) => {
      this.ensureValid(await this.fetchKey(updatedOptions), KnownKeyOperations.UnwrapKey);
      const provider = await this.getProvider("unwrapKey", algorithm, updatedOptions);
      try {
        return provider.unwrapKey(algorithm, encryptedKey, updatedOptions);
      } catch (err) {
        if (this.remoteProvider) {
          return this.remoteProvider.unwrapKey(algorithm, encryptedKey, options);
        }
        throw err;
      }
    });
  }
  /**
   * Cryptographically sign the digest of a message
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleSign
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient, CryptographyClient } from "@azure/keyvault-keys";
   * import { createHash } from "node:crypto";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * let myKey = await client.createKey("MyKey", "RSA");
   * const cryptographyClient = new CryptographyClient(myKey, credential);
   *
   * const signatureValue = "MySignature";
   * const hash = createHash("sha256");
   *
   * const digest = hash.update(signatureValue).digest();
   * console.log("digest: ", digest);
   *
   * const signResult = await cryptographyClient.sign("RS256", digest);
   * console.log("sign result: ", signResult.result);
   * ```
   * @param algorithm - The signing algorithm to use.
   * @param digest - The digest of the data to sign.
   * @param options - Additional options.
   */
  sign(algorithm, digest, options = {}) {
    return tracingClient.withSpan("CryptographyClient.sign", options, async (updatedOptions) => {
      this.ensureValid(await this.fetchKey(updatedOptions), KnownKeyOperations.Sign);
      const provider = await this.getProvider("sign", algorithm, updatedOptions);
      try {
        return provider.sign(algorithm, digest, updatedOptions);
      } catch (err) {
        if (this.remoteProvider) {
          return this.remoteProvider.sign(algorithm, digest, updatedOptions);
        }
        throw err;
      }
    });
  }
  /**
   * Verify the signed message digest
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleVerify
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient, CryptographyClient } from "@azure/keyvault-keys";
   * import { createHash } from "node:crypto";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const myKey = await client.createKey("MyKey", "RSA");
   * const cryptographyClient = new CryptographyClient(myKey, credential);
   *
   * const hash = createHash("sha256");
   * hash.update("My Message");
   * const digest = hash.digest();
   *
   * const signResult = await cryptographyClient.sign("RS256", digest);
   * console.log("sign result: ", signResult.result);
   *
   * const verifyResult = await cryptographyClient.verify("RS256", digest, signResult.result);
   * console.log("verify result: ", verifyResult.result);
   * ```
   * @param algorithm - The signing algorithm to use to verify with.
   * @param digest - The digest to verify.
   * @param signature - The signature to verify the digest against.
   * @param options - Additional options.
   */
  verify(algorithm, digest, signature, options = {}) {
    return tracingClient.withSpan("CryptographyClient.verify", options, async (updatedOptions) => {
      this.ensureValid(await this.fetchKey(updatedOptions), KnownKeyOperations.Verify);
      const provider = await this.getProvider("verify", algorithm, updatedOptions);
      try {
        return provider.verify(algorithm, digest, signature, updatedOptions);
      } catch (err) {
        if (this.remoteProvider) {
          return this.remoteProvider.verify(algorithm, digest, signature, updatedOptions);
        }
        throw err;
      }
    });
  }
  /**
   * Cryptographically sign a block of data
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleSignData
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient, CryptographyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const myKey = await client.createKey("MyKey", "RSA");
   * const cryptographyClient = new CryptographyClient(myKey, credential);
   *
   * const signResult = await cryptographyClient.signData("RS256", Buffer.from("My Message"));
   * console.log("sign result: ", signResult.result);
   * ```
   * @param algorithm - The signing algorithm to use.
   * @param data - The data to sign.
   * @param options - Additional options.
   */
  signData(algorithm, data, options = {}) {
    return tracingClient.withSpan("CryptographyClient.signData", options, async (updatedOptions) => {
      this.ensureValid(await this.fetchKey(updatedOptions), KnownKeyOperations.Sign);
      const provider = await this.getProvider("signData", algorithm, updatedOptions);
      try {
        return provider.signData(algorithm, data, updatedOptions);
      } catch (err) {
        if (this.remoteProvider) {
          return this.remoteProvider.signData(algorithm, data, options);
        }
        throw err;
      }
    });
  }
  /**
   * Verify the signed block of data
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleVerifyData
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient, CryptographyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const myKey = await client.createKey("MyKey", "RSA");
   * const cryptographyClient = new CryptographyClient(myKey, credential);
   *
   * const buffer = Buffer.from("My Message");
   *
   * const signResult = await cryptographyClient.signData("RS256", buffer);
   * console.log("sign result: ", signResult.result);
   *
   * const verifyResult = await cryptographyClient.verifyData("RS256", buffer, signResult.result);
   * console.log("verify result: ", verifyResult.result);
   * ```
   * @param algorithm - The algorithm to use to verify with.
   * @param data - The signed block of data to verify.
   * @param signature - The signature to verify the block against.
   * @param options - Additional options.
   */
  verifyData(algorithm, data, signature, options = {}) {
    return tracingClient.withSpan("CryptographyClient.verifyData", options, async (updatedOptions) => {
      this.ensureValid(await this.fetchKey(updatedOptions), KnownKeyOperations.Verify);
      const provider = await this.getProvider("verifyData", algorithm, updatedOptions);
      try {
        return provider.verifyData(algorithm, data, signature, updatedOptions);
      } catch (err) {
        if (this.remoteProvider) {
          return this.remoteProvider.verifyData(algorithm, data, signature, updatedOptions);
        }
        throw err;
      }
    });
  }
  /**
   * Retrieves the {@link JsonWebKey} from the Key Vault, if possible. Returns undefined if the key could not be retrieved due to insufficient permissions.
   * @param options - The additional options.
   */
  async getKeyMaterial(options) {
    const key = await this.fetchKey(options);
    switch (key.kind) {
      case "JsonWebKey":
        return key.value;
      case "KeyVaultKey":
        return key.value.key;
      default:
        return void 0;
    }
  }
  /**
   * Returns the underlying key used for cryptographic operations.
   * If needed, attempts to fetch the key from KeyVault and exchanges the ID for the actual key.
   * @param options - The additional options.
   */
  async fetchKey(options) {
    if (this.key.kind === "identifier") {
      let key;
      try {
        key = await this.remoteProvider.getKey(options);
      } catch (e) {
        if (isRestError(e) && e.statusCode === 403) {
          logger.verbose(`Permission denied to get key ${this.key.value}. Falling back to remote operation.`);
          this.key = { kind: "remoteOnlyIdentifier", value: this.key.value };
        } else {
          throw e;
        }
      }
      if (key) {
        this.key = { kind: "KeyVaultKey", value: key };
      }
    }
    return this.key;
  }
  providers;
  /**
   * Gets the provider that support this algorithm and operation.
   * The available providers are ordered by priority such that the first provider that supports this
   * operation is the one we should use.
   * @param operation - The {@link KeyOperation}.
   * @param algorithm - The algorithm to use.
   */
  async getProvider(operation, algorithm, options) {
    if (!this.providers) {
      const keyMaterial = await this.getKeyMaterial(options);
      this.providers = [];
      if (keyMaterial) {
        this.providers.push(new RsaCryptographyProvider(keyMaterial), new AesCryptographyProvider(keyMaterial));
      }
      if (this.remoteProvider) {
        this.providers.push(this.remoteProvider);
      }
    }
    const providers = this.providers.filter((p) => p.isSupported(algorithm, operation));
    if (providers.length === 0) {
      throw new Error(`Unable to support operation: "${operation}" with algorithm: "${algorithm}" ${this.key.kind === "JsonWebKey" ? "using a local JsonWebKey" : ""}`);
    }
    return providers[0];
  }
  ensureValid(key, operation) {
    if (key.kind === "KeyVaultKey") {
      const keyOps = key.value.keyOperations;
      const { notBefore, expiresOn } = key.value.properties;
      const now = /* @__PURE__ */ new Date();
      if (notBefore && now < notBefore) {
        throw new Error(`Key ${key.value.id} can't be used before ${notBefore.toISOString()}`);
      }
      if (expiresOn && now > expiresOn) {
        throw new Error(`Key ${key.value.id} expired at ${expiresOn.toISOString()}`);
      }
      if (operation && keyOps && !keyOps?.includes(operation)) {
        throw new Error(`Operation ${operation} is not supported on key ${key.value.id}`);
      }
    } else if (key.kind === "JsonWebKey") {
      if (operation && key.value.keyOps && !key.value.keyOps?.includes(operation)) {
        throw new Error(`Operation ${operation} is not supported on key ${key.value.kid}`);
      }
    }
  }
};

// node_modules/@azure/keyvault-keys/dist/esm/index.js
var KeyClient = class {
  /**
   * The base URL to the vault
   */
  vaultUrl;
  /**
   * A reference to the auto-generated Key Vault HTTP client.
   */
  client;
  /**
   * A reference to the credential that was used to construct this client.
   * Later used to instantiate a {@link CryptographyClient} with the same credential.
   */
  credential;
  /**
   * Creates an instance of KeyClient.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleCreateClient
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * // Build the URL to reach your key vault
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`; // or `https://${vaultName}.managedhsm.azure.net` for managed HSM.
   *
   * // Lastly, create our keys client and connect to the service
   * const client = new KeyClient(url, credential);
   * ```
   * @param vaultUrl - the URL of the Key Vault. It should have this shape: `https://${your-key-vault-name}.vault.azure.net`. You should validate that this URL references a valid Key Vault or Managed HSM resource. See https://aka.ms/azsdk/blog/vault-uri for details.
   * @param credential - An object that implements the `TokenCredential` interface used to authenticate requests to the service. Use the \@azure/identity package to create a credential that suits your needs.
   * @param pipelineOptions - Pipeline options used to configure Key Vault API requests. Omit this parameter to use the default pipeline configuration.
   */
  constructor(vaultUrl, credential, pipelineOptions = {}) {
    this.vaultUrl = vaultUrl;
    const libInfo = `azsdk-js-keyvault-keys/${SDK_VERSION}`;
    const userAgentOptions = pipelineOptions.userAgentOptions;
    pipelineOptions.userAgentOptions = {
      userAgentPrefix: userAgentOptions && userAgentOptions.userAgentPrefix ? `${userAgentOptions.userAgentPrefix} ${libInfo}` : libInfo
    };
    const internalPipelineOptions = {
      ...pipelineOptions,
      apiVersion: pipelineOptions.serviceVersion || LATEST_API_VERSION,
      loggingOptions: {
        logger: logger.info,
        additionalAllowedHeaderNames: [
          "x-ms-keyvault-region",
          "x-ms-keyvault-network-info",
          "x-ms-keyvault-service-version"
        ]
      }
    };
    this.credential = credential;
    this.client = new KeyVaultClient(vaultUrl, credential, internalPipelineOptions);
    this.client.pipeline.removePolicy({ name: bearerTokenAuthenticationPolicyName });
    this.client.pipeline.addPolicy(keyVaultAuthenticationPolicy(credential, pipelineOptions));
    this.client.pipeline.addPolicy({
      name: "ContentTypePolicy",
      sendRequest(request, next) {
        const contentType = request.headers.get("Content-Type") ?? "";
        if (contentType.startsWith("application/json")) {
          request.headers.set("Content-Type", "application/json");
        }
        return next(request);
      }
    });
  }
  /**
   * The create key operation can be used to create any key type in Azure Key Vault. If the named key
   * already exists, Azure Key Vault creates a new version of the key. It requires the keys/create
   * permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleCreateKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   * const result = await client.createKey(keyName, "RSA");
   * console.log("result: ", result);
   * ```
   * Creates a new key, stores it, then returns key parameters and properties to the client.
   * @param name - The name of the key.
   * @param keyType - The type of the key. One of the following: 'EC', 'EC-HSM', 'RSA', 'RSA-HSM', 'oct'.
   * @param options - The optional parameters.
   */
  createKey(name, keyType, options = {}) {
    return tracingClient.withSpan("KeyClient.createKey", options, async (updatedOptions) => {
      const response = await this.client.createKey(name, {
        kty: keyType,
        curve: options?.curve,
        keyAttributes: {
          enabled: options?.enabled,
          notBefore: options?.notBefore,
          expires: options?.expiresOn,
          exportable: options?.exportable
        },
        keyOps: options?.keyOps,
        keySize: options?.keySize,
        releasePolicy: options?.releasePolicy,
        tags: options?.tags
      }, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * The createEcKey method creates a new elliptic curve key in Azure Key Vault. If the named key
   * already exists, Azure Key Vault creates a new version of the key. It requires the keys/create
   * permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleCreateEcKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   * const result = await client.createEcKey(keyName, { curve: "P-256" });
   * console.log("result: ", result);
   * ```
   * Creates a new key, stores it, then returns key parameters and properties to the client.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  async createEcKey(name, options) {
    const keyType = options?.hsm ? KnownJsonWebKeyType.ECHSM : KnownJsonWebKeyType.EC;
    return this.createKey(name, keyType, options);
  }
  /**
   * The createRSAKey method creates a new RSA key in Azure Key Vault. If the named key
   * already exists, Azure Key Vault creates a new version of the key. It requires the keys/create
   * permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleCreateRsaKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   * const result = await client.createRsaKey("MyKey", { keySize: 2048 });
   * console.log("result: ", result);
   * ```
   * Creates a new key, stores it, then returns key parameters and properties to the client.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  async createRsaKey(name, options) {
    const keyType = options?.hsm ? KnownJsonWebKeyType.RSAHSM : KnownJsonWebKeyType.RSA;
    return this.createKey(name, keyType, options);
  }
  /**
   * The createOctKey method creates a new OCT key in Azure Key Vault. If the named key
   * already exists, Azure Key Vault creates a new version of the key. It requires the keys/create
   * permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleCreateOctKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   * const result = await client.createOctKey("MyKey", { hsm: true });
   * console.log("result: ", result);
   * ```
   * Creates a new key, stores it, then returns key parameters and properties to the client.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  async createOctKey(name, options) {
    const keyType = options?.hsm ? KnownJsonWebKeyType.OctHSM : KnownJsonWebKeyType.Oct;
    return this.createKey(name, keyType, options);
  }
  /**
   * The import key operation may be used to import any key type into an Azure Key Vault. If the
   * named key already exists, Azure Key Vault creates a new version of the key. This operation
   * requires the keys/import permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleImportKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const jsonWebKey = {
   *   kty: "RSA",
   *   kid: "test-key-123",
   *   use: "sig",
   *   alg: "RS256",
   *   n: new Uint8Array([112, 34, 56, 98, 123, 244, 200, 99]),
   *   e: new Uint8Array([1, 0, 1]),
   *   d: new Uint8Array([45, 67, 89, 23, 144, 200, 76, 233]),
   *   p: new Uint8Array([34, 89, 100, 77, 204, 56, 29, 77]),
   *   q: new Uint8Array([78, 99, 201, 45, 188, 34, 67, 90]),
   *   dp: new Uint8Array([23, 45, 78, 56, 200, 144, 32, 67]),
   *   dq: new Uint8Array([12, 67, 89, 144, 99, 56, 23, 45]),
   *   qi: new Uint8Array([78, 90, 45, 201, 34, 67, 120, 55]),
   * };
   *
   * const result = await client.importKey("MyKey", jsonWebKey);
   * ```
   * Imports an externally created key, stores it, and returns key parameters and properties
   * to the client.
   * @param name - Name for the imported key.
   * @param key - The JSON web key.
   * @param options - The optional parameters.
   */
  importKey(name, key, options = {}) {
    return tracingClient.withSpan(`KeyClient.importKey`, options, async (updatedOptions) => {
      const { enabled, notBefore, expiresOn: expires, exportable, releasePolicy, tags } = options;
      const keyAttributes = {
        enabled,
        notBefore,
        expires,
        exportable
      };
      const parameters = {
        key,
        hsm: options?.hardwareProtected,
        keyAttributes,
        releasePolicy,
        tags
      };
      const response = await this.client.importKey(name, parameters, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * Gets a {@link CryptographyClient} for the given key.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleGetCryptographyClient
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * // Get a cryptography client for a given key
   * const cryptographyClient = client.getCryptographyClient("MyKey");
   * ```
   * @param name - The name of the key used to perform cryptographic operations.
   * @param version - Optional version of the key used to perform cryptographic operations.
   * @returns - A {@link CryptographyClient} using the same options, credentials, and http client as this {@link KeyClient}
   */
  getCryptographyClient(keyName, options) {
    const keyUrl = new URL(["keys", keyName, options?.keyVersion].filter(Boolean).join("/"), this.vaultUrl);
    const constructorOptions = {
      generatedClient: this.client
    };
    const cryptoClient = new CryptographyClient(keyUrl.toString(), this.credential, constructorOptions);
    return cryptoClient;
  }
  /**
   * The delete operation applies to any key stored in Azure Key Vault. Individual versions
   * of a key can not be deleted, only all versions of a given key at once.
   *
   * This function returns a Long Running Operation poller that allows you to wait indefinitely until the key is deleted.
   *
   * This operation requires the keys/delete permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleDeleteKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const poller = await client.beginDeleteKey(keyName);
   * await poller.pollUntilDone();
   * ```
   * Deletes a key from a specified key vault.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  async beginDeleteKey(name, options = {}) {
    const poller = new DeleteKeyPoller({
      name,
      client: this.client,
      intervalInMs: options.intervalInMs,
      resumeFrom: options.resumeFrom,
      operationOptions: options
    });
    await poller.poll();
    return poller;
  }
  updateKeyProperties(...args) {
    const [name, keyVersion, options] = this.disambiguateUpdateKeyPropertiesArgs(args);
    return tracingClient.withSpan(`KeyClient.updateKeyProperties`, options, async (updatedOptions) => {
      const response = await this.client.updateKey(name, keyVersion, {
        keyAttributes: {
          enabled: options?.enabled,
          notBefore: options?.notBefore,
          expires: options?.expiresOn
        },
        keyOps: options?.keyOps,
        releasePolicy: options?.releasePolicy,
        tags: options?.tags
      }, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * Standardizes an overloaded arguments collection for the updateKeyProperties method.
   *
   * @param args - The arguments collection.
   * @returns - The standardized arguments collection.
   */
  disambiguateUpdateKeyPropertiesArgs(args) {
    if (typeof args[1] === "string") {
      return [args[0], args[1], args[2] || {}];
    } else {
      return [args[0], "", args[1] || {}];
    }
  }
  /**
   * The getKey method gets a specified key and is applicable to any key stored in Azure Key Vault.
   * This operation requires the keys/get permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleGetKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const latestKey = await client.getKey(keyName);
   * console.log(`Latest version of the key ${keyName}: `, latestKey);
   *
   * const specificKey = await client.getKey(keyName, { version: latestKey.properties.version! });
   * console.log(`The key ${keyName} at the version ${latestKey.properties.version!}: `, specificKey);
   * ```
   * Get a specified key from a given key vault.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  getKey(name, options = {}) {
    return tracingClient.withSpan(`KeyClient.getKey`, options, async (updatedOptions) => {
      const response = await this.client.getKey(name, options.version || "", updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * The getKeyAttestation method gets a specified key and its attestation blob and is applicable to any key stored in Azure Key Vault Managed HSM.
   * This operation requires the keys/get permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleGetKeyAttestation
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT MANAGED HSM NAME>";
   * const url = `https://${vaultName}.managedhsm.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const latestKey = await client.getKeyAttestation(keyName);
   * console.log(`Latest version of the key ${keyName}: `, latestKey);
   *
   * const specificKey = await client.getKeyAttestation(keyName, {
   *   version: latestKey.properties.version!,
   * });
   * console.log(`The key ${keyName} at the version ${latestKey.properties.version!}: `, specificKey);
   * ```
   * Get a specified key from a given key vault.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  getKeyAttestation(name, options = {}) {
    return tracingClient.withSpan(`KeyClient.getKeyAttestation`, options, async (updatedOptions) => {
      const response = await this.client.getKeyAttestation(name, updatedOptions.version, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * The getDeletedKey method returns the specified deleted key along with its properties.
   * This operation requires the keys/get permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleGetDeletedKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * await client.getDeletedKey(keyName);
   * ```
   * Gets the specified deleted key.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  getDeletedKey(name, options = {}) {
    return tracingClient.withSpan(`KeyClient.getDeletedKey`, options, async (updatedOptions) => {
      const response = await this.client.getDeletedKey(name, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * The purge deleted key operation removes the key permanently, without the possibility of
   * recovery. This operation can only be enabled on a soft-delete enabled vault. This operation
   * requires the keys/purge permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSamplePurgeDeletedKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const deletePoller = await client.beginDeleteKey(keyName);
   * await deletePoller.pollUntilDone();
   *
   * await client.purgeDeletedKey(keyName);
   * ```
   * Permanently deletes the specified key.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  purgeDeletedKey(name, options = {}) {
    return tracingClient.withSpan(`KeyClient.purgeDeletedKey`, options, async (updatedOptions) => {
      await this.client.purgeDeletedKey(name, updatedOptions);
    });
  }
  /**
   * Recovers the deleted key in the specified vault. This operation can only be performed on a
   * soft-delete enabled vault.
   *
   * This function returns a Long Running Operation poller that allows you to wait indefinitely until the deleted key is recovered.
   *
   * This operation requires the keys/recover permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleRecoverDeletedKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const deletePoller = await client.beginDeleteKey(keyName);
   * await deletePoller.pollUntilDone();
   *
   * const recoverPoller = await client.beginRecoverDeletedKey(keyName);
   * const recoveredKey = await recoverPoller.pollUntilDone();
   * ```
   * Recovers the deleted key to the latest version.
   * @param name - The name of the deleted key.
   * @param options - The optional parameters.
   */
  async beginRecoverDeletedKey(name, options = {}) {
    const poller = new RecoverDeletedKeyPoller({
      name,
      client: this.client,
      intervalInMs: options.intervalInMs,
      resumeFrom: options.resumeFrom,
      operationOptions: options
    });
    await poller.poll();
    return poller;
  }
  /**
   * Requests that a backup of the specified key be downloaded to the client. All versions of the
   * key will be downloaded. This operation requires the keys/backup permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleBackupKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const backupContents = await client.backupKey(keyName);
   * ```
   * Backs up the specified key.
   * @param name - The name of the key.
   * @param options - The optional parameters.
   */
  backupKey(name, options = {}) {
    return tracingClient.withSpan(`KeyClient.backupKey`, options, async (updatedOptions) => {
      const response = await this.client.backupKey(name, updatedOptions);
      return response.value;
    });
  }
  /**
   * Restores a backed up key, and all its versions, to a vault. This operation requires the
   * keys/restore permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleRestoreKeyBackup
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const backupContents = await client.backupKey(keyName);
   *
   * const key = await client.restoreKeyBackup(backupContents);
   * ```
   * Restores a backed up key to a vault.
   * @param backup - The backup blob associated with a key bundle.
   * @param options - The optional parameters.
   */
  async restoreKeyBackup(backup, options = {}) {
    return tracingClient.withSpan(`KeyClient.restoreKeyBackup`, options, async (updatedOptions) => {
      const response = await this.client.restoreKey({ keyBundleBackup: backup }, updatedOptions);
      return getKeyFromKeyBundle(response);
    });
  }
  /**
   * Gets the requested number of bytes containing random values from a managed HSM.
   * This operation requires the managedHsm/rng permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleGetRandomBytes
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const bytes = await client.getRandomBytes(10);
   * ```
   * @param count - The number of bytes to generate between 1 and 128 inclusive.
   * @param options - The optional parameters.
   */
  getRandomBytes(count, options = {}) {
    return tracingClient.withSpan("KeyClient.getRandomBytes", options, async (updatedOptions) => {
      const response = await this.client.getRandomBytes({ count }, updatedOptions);
      return response.value;
    });
  }
  /**
   * Rotates the key based on the key policy by generating a new version of the key. This operation requires the keys/rotate permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleKeyRotation
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * // Set the key's automated rotation policy to rotate the key 30 days before expiry.
   * const policy = await client.updateKeyRotationPolicy(keyName, {
   *   lifetimeActions: [
   *     {
   *       action: "Rotate",
   *       timeBeforeExpiry: "P30D",
   *     },
   *   ],
   *   // You may also specify the duration after which any newly rotated key will expire.
   *   // In this case, any new key versions will expire after 90 days.
   *   expiresIn: "P90D",
   * });
   *
   * // You can get the current key rotation policy of a given key by calling the getKeyRotationPolicy method.
   * const currentPolicy = await client.getKeyRotationPolicy(keyName);
   *
   * // Finally, you can rotate a key on-demand by creating a new version of the given key.
   * const rotatedKey = await client.rotateKey(keyName);
   * ```
   *
   * @param name - The name of the key to rotate.
   * @param options - The optional parameters.
   */
  rotateKey(name, options = {}) {
    return tracingClient.withSpan("KeyClient.rotateKey", options, async (updatedOptions) => {
      const key = await this.client.rotateKey(name, updatedOptions);
      return getKeyFromKeyBundle(key);
    });
  }
  /**
   * Releases a key from a managed HSM.
   *
   * The release key operation is applicable to all key types. The operation requires the key to be marked exportable and the keys/release permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleReleaseKey
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const result = await client.releaseKey("myKey", "<attestation-target>");
   * ```
   *
   * @param name - The name of the key.
   * @param targetAttestationToken - The attestation assertion for the target of the key release.
   * @param options - The optional parameters.
   */
  releaseKey(name, targetAttestationToken, options = {}) {
    return tracingClient.withSpan("KeyClient.releaseKey", options, async (updatedOptions) => {
      const { nonce, algorithm, ...rest } = updatedOptions;
      const result = await this.client.release(name, updatedOptions.version, {
        targetAttestationToken,
        enc: algorithm,
        nonce
      }, rest);
      return { value: result.value };
    });
  }
  /**
   * Gets the rotation policy of a Key Vault Key.
   * By default, all keys have a policy that will notify 30 days before expiry.
   *
   * This operation requires the keys/get permission.
   * Example usage:
   * ```ts snippet:ReadmeSampleGetKeyRotationPolicy
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const result = await client.getKeyRotationPolicy(keyName);
   * ```
   *
   * @param keyName - The name of the key.
   * @param options - The optional parameters.
   */
  getKeyRotationPolicy(keyName, options = {}) {
    return tracingClient.withSpan("KeyClient.getKeyRotationPolicy", options, async () => {
      const policy = await this.client.getKeyRotationPolicy(keyName);
      return keyRotationTransformations.generatedToPublic(policy);
    });
  }
  /**
   * Updates the rotation policy of a Key Vault Key.
   * This operation requires the keys/update permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleUpdateKeyRotationPolicy
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * const myPolicy = await client.getKeyRotationPolicy(keyName);
   *
   * const setPolicy = await client.updateKeyRotationPolicy(keyName, myPolicy);
   * ```
   *
   * @param keyName - The name of the key.
   * @param policyProperties - The {@link KeyRotationPolicyProperties} for the policy.
   * @param options - The optional parameters.
   */
  updateKeyRotationPolicy(keyName, policy, options = {}) {
    return tracingClient.withSpan("KeyClient.updateKeyRotationPolicy", options, async (updatedOptions) => {
      const result = await this.client.updateKeyRotationPolicy(keyName, keyRotationTransformations.propertiesToGenerated(policy), updatedOptions);
      return keyRotationTransformations.generatedToPublic(result);
    });
  }
  /**
   * Iterates all versions of the given key in the vault. The full key identifier, properties, and tags are provided
   * in the response. This operation requires the keys/list permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleListKeys
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * for await (const keyProperties of client.listPropertiesOfKeys()) {
   *   console.log("Key properties: ", keyProperties);
   * }
   *
   * for await (const deletedKey of client.listDeletedKeys()) {
   *   console.log("Deleted: ", deletedKey);
   * }
   *
   * for await (const versionProperties of client.listPropertiesOfKeyVersions(keyName)) {
   *   console.log("Version properties: ", versionProperties);
   * }
   * ```
   * @param name - Name of the key to fetch versions for
   * @param options - The optional parameters.
   */
  listPropertiesOfKeyVersions(name, options = {}) {
    return mapPagedAsyncIterable(options, (mappedOptions) => this.client.getKeyVersions(name, mappedOptions), getKeyPropertiesFromKeyItem);
  }
  /**
   * Iterates the latest version of all keys in the vault.  The full key identifier and properties are provided
   * in the response. No values are returned for the keys. This operations requires the keys/list permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleListKeys
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * for await (const keyProperties of client.listPropertiesOfKeys()) {
   *   console.log("Key properties: ", keyProperties);
   * }
   *
   * for await (const deletedKey of client.listDeletedKeys()) {
   *   console.log("Deleted: ", deletedKey);
   * }
   *
   * for await (const versionProperties of client.listPropertiesOfKeyVersions(keyName)) {
   *   console.log("Version properties: ", versionProperties);
   * }
   * ```
   * List all keys in the vault
   * @param options - The optional parameters.
   */
  listPropertiesOfKeys(options = {}) {
    return mapPagedAsyncIterable(options, this.client.getKeys.bind(this.client), getKeyPropertiesFromKeyItem);
  }
  /**
   * Iterates the deleted keys in the vault.  The full key identifier and properties are provided
   * in the response. No values are returned for the keys. This operations requires the keys/list permission.
   *
   * Example usage:
   * ```ts snippet:ReadmeSampleListKeys
   * import { DefaultAzureCredential } from "@azure/identity";
   * import { KeyClient } from "@azure/keyvault-keys";
   *
   * const credential = new DefaultAzureCredential();
   *
   * const vaultName = "<YOUR KEYVAULT NAME>";
   * const url = `https://${vaultName}.vault.azure.net`;
   *
   * const client = new KeyClient(url, credential);
   *
   * const keyName = "MyKeyName";
   *
   * for await (const keyProperties of client.listPropertiesOfKeys()) {
   *   console.log("Key properties: ", keyProperties);
   * }
   *
   * for await (const deletedKey of client.listDeletedKeys()) {
   *   console.log("Deleted: ", deletedKey);
   * }
   *
   * for await (const versionProperties of client.listPropertiesOfKeyVersions(keyName)) {
   *   console.log("Version properties: ", versionProperties);
   * }
   * ```
   * List all keys in the vault
   * @param options - The optional parameters.
   */
  listDeletedKeys(options = {}) {
    return mapPagedAsyncIterable(options, this.client.getDeletedKeys.bind(this.client), getDeletedKeyFromDeletedKeyItem);
  }
};
export {
  CryptographyClient,
  KeyClient
};
