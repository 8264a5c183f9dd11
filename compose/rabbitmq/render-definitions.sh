#!/bin/sh
# Usage: render-definitions.sh TEMPLATE OUTPUT [COMMAND...]
#
# Fills the ${NAME} placeholders of a RabbitMQ definitions template (compose/rabbitmq/definitions.json,
# k8s/rabbitmq/definitions.json) with the values of those environment variables, writes OUTPUT readable by its
# owner only, then runs COMMAND if one is given.
#
# In compose it is the rabbitmq container's entrypoint: the passwords come from the env file, OUTPUT is the file
# rabbitmq.conf's load_definitions names, and COMMAND is the image's own entrypoint. RabbitMQ imports the file at
# every boot, so a password changed in the env file takes effect when the broker restarts. The placeholders are
# filled here because a definitions file has no way to read the environment itself, and committing password
# hashes would tie the broker to the example passwords.
#
# Values may hold only letters, digits and - . _ ~: they also go unescaped into the services' AMQP URLs (and into
# this JSON and a sed expression), so anything else is refused rather than quoted. openssl rand -hex 24 fits.
set -eu

if [ $# -lt 2 ]; then
  echo "usage: $0 TEMPLATE OUTPUT [COMMAND...]" >&2
  exit 64
fi
template=$1
output=$2
shift 2

script=
for name in $(grep -o '[$]{[A-Z][A-Z0-9_]*}' "$template" | sort -u | tr -d '{}$'); do
  eval "value=\${$name-}"
  if [ -z "$value" ]; then
    echo "render-definitions: $name is not set (it fills $template)" >&2
    exit 1
  fi
  case $value in
    *[!A-Za-z0-9._~-]*)
      echo "render-definitions: $name may hold only letters, digits and - . _ ~" >&2
      exit 1
      ;;
  esac
  script="$script s/[\$]{$name}/$value/g;"
done

umask 077
sed "$script" "$template" >"$output.tmp"
if grep -q '[$]{' "$output.tmp"; then
  echo "render-definitions: $template has a placeholder that is not \${NAME}" >&2
  rm -f "$output.tmp"
  exit 1
fi
mv "$output.tmp" "$output"
# The image's entrypoint starts the broker as the rabbitmq user.
if [ "$(id -u)" = 0 ] && id rabbitmq >/dev/null 2>&1; then
  chown rabbitmq:rabbitmq "$output"
fi

if [ $# -gt 0 ]; then
  exec "$@"
fi
