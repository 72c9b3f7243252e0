#!/bin/sh
# Starts the single Kafka broker of docker-compose.yml as the tests' broker runs
# (tools/infra/kafka.mjs): clients authenticate with SASL/SCRAM-SHA-512, one user per
# service, the StandardAuthorizer refuses whatever no ACL allows (the ACLs are granted by
# the kafka-setup service), and the controller listener uses SASL/PLAIN with a static account.
# The SCRAM users are created when the log directory is formatted, on the first start only;
# passwords come from the environment (docker-compose.yml), never from this file.
set -eu
: "${KAFKA_ADMIN_PASSWORD:?}" "${LAND_REGISTRY_KAFKA_PASSWORD:?}" "${SECURED_TRANSACTIONS_KAFKA_PASSWORD:?}"
: "${TAX_OBLIGATION_KAFKA_PASSWORD:?}" "${NOTIFICATION_KAFKA_PASSWORD:?}" "${CONSTRUCTION_KAFKA_PASSWORD:?}"
DATA=/var/lib/kafka/data
CONF=/tmp/server.properties
umask 077
cat > "$CONF" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@kafka:9093
listeners=CLIENT://:9092,CONTROLLER://:9093
advertised.listeners=CLIENT://kafka:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="${KAFKA_ADMIN_PASSWORD}" user_controller="${KAFKA_ADMIN_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:controller
log.dirs=${DATA}
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
PROPS
# What the health check and kafka-setup authenticate with.
cat > /tmp/admin.properties <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPS
if [ ! -f "$DATA/meta.properties" ]; then
  /opt/kafka/bin/kafka-storage.sh format --config "$CONF" \
    --cluster-id "${KAFKA_CLUSTER_ID:-Lu4DUnAINaIU1OOUDw1XMQ}" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=land-registry,password=${LAND_REGISTRY_KAFKA_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=secured-transactions,password=${SECURED_TRANSACTIONS_KAFKA_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=tax-obligation,password=${TAX_OBLIGATION_KAFKA_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=notification,password=${NOTIFICATION_KAFKA_PASSWORD}]" \
    --add-scram "SCRAM-SHA-512=[name=construction,password=${CONSTRUCTION_KAFKA_PASSWORD}]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONF"
