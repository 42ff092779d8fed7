// Validates every object of the given YAML files against its Kubernetes API schema, offline:
// core objects with kubernetes-models, the Prometheus operator's and CloudNativePG's with their
// models. Kinds with no model here (the Barman Cloud plugin's ObjectStore, Keycloak's operator)
// are listed as not schema-checked; any other unknown kind fails.
//   node validate.mjs FILE...
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const MODELS = {
  "monitoring.coreos.com/": "@kubernetes-models/prometheus-operator/",
  "postgresql.cnpg.io/": "@kubernetes-models/cloudnative-pg/",
};
const UNMODELLED = new Set(["barmancloud.cnpg.io/v1 ObjectStore", "k8s.keycloak.org/v2alpha1 Keycloak"]);

function modelModule(apiVersion) {
  for (const [group, pkg] of Object.entries(MODELS)) {
    if (apiVersion.startsWith(group)) return pkg + apiVersion;
  }
  return "kubernetes-models/" + apiVersion;
}

let checked = 0, failed = 0;
const unchecked = [];
for (const file of process.argv.slice(2)) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    const obj = doc.toJS();
    if (!obj) continue;
    const name = `${file}: ${obj.apiVersion} ${obj.kind} ${obj.metadata?.name}`;
    if (UNMODELLED.has(`${obj.apiVersion} ${obj.kind}`)) {
      unchecked.push(name);
      continue;
    }
    let Model;
    try {
      Model = (await import(modelModule(obj.apiVersion)))[obj.kind];
    } catch {
      Model = undefined;
    }
    if (!Model) {
      console.error(`FAIL ${name}: no schema for this kind`);
      failed++;
      continue;
    }
    try {
      new Model(obj).validate();
      checked++;
    } catch (e) {
      console.error(`FAIL ${name}: ${e.message}`);
      failed++;
    }
  }
}
console.log(`${checked} objects valid, ${failed} invalid; not schema-checked offline (checked by hand against the operators' documentation): ${unchecked.length ? unchecked.join("; ") : "none"}`);
process.exit(failed ? 1 : 0);
