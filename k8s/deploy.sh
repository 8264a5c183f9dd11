#!/usr/bin/env bash
# Deploys an overlay in the order the schema migrations need:
#   k8s/deploy.sh prod        (or dev; KUBECTL, NAMESPACE and MIGRATION_TIMEOUT may be set)
# 1. delete the previous release's migration Jobs (a Job's pod template is immutable);
# 2. apply everything except the servers: namespace, ServiceAccounts, ConfigMaps, Secrets/ExternalSecrets,
#    NetworkPolicies, the avatar volume, the Ingress, and the new migration Jobs;
# 3. wait until every migration Job has succeeded, and stop at the first that failed (its logs are printed);
# 4. apply the rest (Deployments, Services, HPAs, PDBs) and wait for each rollout.
# The old pods keep serving until step 4: migrations must stay backward compatible with the running release.
set -euo pipefail

overlay=${1:?usage: k8s/deploy.sh dev|prod}
dir="$(cd "$(dirname "$0")" && pwd)/overlays/$overlay"
[[ -f "$dir/kustomization.yaml" ]] || { echo "deploy: no overlay $dir" >&2; exit 2; }
kubectl=${KUBECTL:-kubectl}
ns=${NAMESPACE:-eco2}
timeout=${MIGRATION_TIMEOUT:-900}
migrations='app.kubernetes.io/component=migration'

echo "deploy: removing the previous migration Jobs"
"$kubectl" -n "$ns" delete job -l "$migrations" --ignore-not-found --wait=true

echo "deploy: applying everything but the servers (the migration Jobs start now)"
"$kubectl" apply -k "$dir" -l 'app.kubernetes.io/component!=server'

echo "deploy: waiting for the migration Jobs (at most ${timeout}s)"
deadline=$((SECONDS + timeout))
while true; do
  # One line per Job: its name, then the types of its conditions that are true (Complete, Failed, ...).
  states=$("$kubectl" -n "$ns" get job -l "$migrations" \
    -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.status.conditions[?(@.status=="True")].type}{"\n"}{end}')
  [[ -n "$states" ]] || { echo "deploy: no migration Job found" >&2; exit 1; }
  failed=$(awk '/ Failed/ {print $1}' <<<"$states")
  if [[ -n "$failed" ]]; then
    for job in $failed; do
      echo "deploy: migration Job $job failed; its last logs:" >&2
      "$kubectl" -n "$ns" logs "job/$job" --tail=50 >&2 || true
    done
    exit 1
  fi
  pending=$(awk '!/ Complete/ {print $1}' <<<"$states")
  [[ -z "$pending" ]] && break
  if (( SECONDS >= deadline )); then
    echo "deploy: migration Jobs still running after ${timeout}s: $(tr '\n' ' ' <<<"$pending")" >&2
    exit 1
  fi
  sleep 5
done
echo "deploy: migrations done"

echo "deploy: applying the servers"
"$kubectl" apply -k "$dir"
for deployment in auth my location info workers; do
  "$kubectl" -n "$ns" rollout status "deployment/$deployment" --timeout=10m
done
echo "deploy: $overlay is rolled out"
