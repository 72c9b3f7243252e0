import { Topics } from '@lien-thong/contracts';
import { testInfra, uniqueName } from '@lien-thong/test-infra';
import { BUS_SERVICES, kafkaAclsFor } from '../topology/kafka-acls';
import { Topology } from '../topology/topology';
import { BrokerClient, OutgoingMessage, SaslCredentials } from './broker-client';
import { createBrokerClient, KAFKA_CLIENTS, KafkaClientName } from './broker-factory';

/** The Kafka credentials a service is given by the run (its own SCRAM user). */
function credentialsOf(service: string): SaslCredentials {
  const env = testInfra().envFor(service);
  return {
    mechanism: 'scram-sha-512',
    username: env.KAFKA_SASL_USERNAME,
    password: env.KAFKA_SASL_PASSWORD,
  };
}

interface ClientError {
  type?: string;
  apiId?: string;
  code?: string;
  name?: string;
  message?: string;
  cause?: unknown;
  errors?: unknown[];
}

/**
 * Every error along an error's causes: kafkajs wraps the broker's answer in `cause`,
 * @platformatic/kafka also gathers several in `errors` (one per broker or partition).
 */
function errorChain(err: unknown): ClientError[] {
  const seen: ClientError[] = [];
  const visit = (e: unknown) => {
    if (!e || typeof e !== 'object' || seen.includes(e as ClientError)) return;
    seen.push(e as ClientError);
    visit((e as ClientError).cause);
    for (const inner of (e as ClientError).errors ?? []) visit(inner);
  };
  visit(err);
  return seen;
}

/** The protocol error types along the chain (kafkajs's `type`, @platformatic/kafka's `apiId`). */
function errorTypes(err: unknown): string[] {
  return errorChain(err).flatMap((e) => [e.type, e.apiId].filter((t): t is string => !!t));
}

describe.each(Object.keys(KAFKA_CLIENTS) as KafkaClientName[])(
  'Kafka authenticates every service and its ACLs decide what it may write (%s)',
  (library) => {
    const clients: BrokerClient[] = [];
    function client(clientId: string, sasl: SaslCredentials | undefined): BrokerClient {
      const made = createBrokerClient(
        { brokers: testInfra().kafkaBrokers.split(','), clientId, sasl },
        library,
      );
      clients.push(made);
      return made;
    }

    const namespace = uniqueName('acl');
    const paid = new Topology('tax-obligation', namespace, []).topic(Topics.ObligationsPaid);
    const received = new Topology('land-registry', namespace, []).topic(Topics.DossierReceived);
    const message = (topic: string): OutgoingMessage => ({
      topic,
      key: 'HS-ACL',
      value: JSON.stringify({ forged: true }),
      headers: {},
    });
    let admin: BrokerClient;

    beforeAll(async () => {
      const { kafkaSuperuser } = testInfra();
      if (!kafkaSuperuser) throw new Error('this run has no Kafka super user: the broker is open');
      admin = client('acl-test-admin', kafkaSuperuser);
      await admin.ensureTopics([paid, received], 2);
      // What the harness does before it starts a service in a test namespace.
      await admin.grant([
        ...kafkaAclsFor('land-registry', namespace),
        ...kafkaAclsFor('tax-obligation', namespace),
      ]);
    });
    afterAll(async () => {
      for (const c of clients) await c.close();
    });

    it('gives every service on the bus a user of its own', () => {
      for (const service of BUS_SERVICES) {
        expect(credentialsOf(service)).toMatchObject({ username: service });
        expect(credentialsOf(service).password).toEqual(expect.any(String));
      }
    });

    it("refuses the land registry's credentials on tax.obligations-paid, and nothing is written", async () => {
      const landRegistry = client('acl-test-land-registry', credentialsOf('land-registry'));
      const refused = await landRegistry.send([message(paid)]).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(errorTypes(refused)).toContain('TOPIC_AUTHORIZATION_FAILED');
      // Also without a namespace: the ACLs provisioned for npm start are the same rules.
      const plain = await landRegistry.send([message(Topics.ObligationsPaid)]).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(errorTypes(plain)).toContain('TOPIC_AUTHORIZATION_FAILED');
      // Read back as the super user: the topic is empty.
      expect(await admin.countMessages(paid)).toBe(0);
      // The same credentials do write what the land registry owns.
      await landRegistry.send([message(received)]);
      expect(await admin.countMessages(received)).toBe(1);
    });

    it("lets the tax authority's service write tax.obligations-paid with its own credentials", async () => {
      const tax = client('acl-test-tax-obligation', credentialsOf('tax-obligation'));
      await tax.send([message(paid)]);
      expect(await admin.countMessages(paid)).toBe(1);
    });

    it('refuses a wrong password before anything else', async () => {
      const impostor = client('acl-test-impostor', {
        ...credentialsOf('tax-obligation'),
        password: 'not-the-password',
      });
      const refused = await impostor.describeCluster().then(
        () => undefined,
        (err: unknown) => err,
      );
      // kafkajs: KafkaJSSASLAuthenticationError; @platformatic/kafka: PLT_KFK_AUTHENTICATION.
      const authentication = errorChain(refused).find(
        (e) => e.name === 'KafkaJSSASLAuthenticationError' || e.code === 'PLT_KFK_AUTHENTICATION',
      );
      expect(authentication?.message).toMatch(/authentication failed/i);
    });
  },
);
