// The broker ACLs of every service on the bus, derived from the event catalog
// (libs/messaging/src/topology/kafka-acls.ts):
//
//   node -r @swc-node/register tools/scripts/kafka-acls.ts print [--namespace ns]
//       prints them as kafka-acls.sh commands, for a deployment's own broker;
//   node -r @swc-node/register tools/scripts/kafka-acls.ts grant --brokers host:port \
//       --service-env <file> [--namespace ns]
//       grants them with the super user of a run's service-env file (what the local
//       provisioning does; no password on the command line) and prints them as JSON: the
//       provisioning keeps them in that file, where the test harness finds the rules of a
//       service to grant for a test's namespace (libs/testing cannot import the messaging
//       library, whose own tests use it).
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { AccessRule, createBrokerClient, kafkaAcls } from '@lien-thong/messaging';

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
}

function asCommand(rule: AccessRule): string {
  return [
    'kafka-acls.sh --bootstrap-server "$KAFKA_BROKERS" --command-config admin.properties --add',
    `--allow-principal ${rule.principal}`,
    `--operation ${rule.operation[0].toUpperCase()}${rule.operation.slice(1)}`,
    `--${rule.resource} '${rule.name}'`,
    `--resource-pattern-type ${rule.pattern}`,
  ].join(' ');
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const rules = kafkaAcls(option(args, 'namespace'));
  if (command === 'print') {
    console.log(rules.map(asCommand).join('\n'));
    return;
  }
  const brokers = option(args, 'brokers');
  const file = option(args, 'service-env');
  if (command !== 'grant' || !brokers || !file) {
    throw new Error('usage: kafka-acls.ts print | grant --brokers host:port --service-env file');
  }
  const { kafkaSuperuser } = JSON.parse(readFileSync(file, 'utf8')) as {
    kafkaSuperuser?: { mechanism: 'scram-sha-512'; username: string; password: string };
  };
  if (!kafkaSuperuser) throw new Error(`${file} holds no Kafka super user`);
  const admin = createBrokerClient({
    brokers: brokers.split(','),
    clientId: 'acl-provisioning',
    sasl: kafkaSuperuser,
  });
  try {
    await admin.grant(rules);
  } finally {
    await admin.close();
  }
  console.log(JSON.stringify(rules));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
