// A minimal service used only by the messaging integration tests: it produces refusals
// through the outbox and consumes them, counting each event's effect in a ledger, so that
// a duplicate, a loss or a crash shows up as a wrong count.
import { Body, Controller, DynamicModule, Injectable, Module, Post } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { InjectModel, MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DossierRefusedV1, EventEnvelope, Topics } from '@lien-thong/contracts';
import {
  loadConfig,
  PlatformModule,
  Public,
  ServiceConfig,
  ServiceDefinition,
  ServiceInfo,
} from '@lien-thong/platform';
import { MessagingModule, connectEventConsumer } from '../messaging.module';
import { addOutbox, OutboxEntry } from '../outbox/outbox-entry';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxStore } from '../outbox/outbox-store';
import { EventFactory } from '../outbox/event-factory';
import { applyOnce } from '../inbox/apply-once';

export class LedgerConfig extends ServiceConfig {
  /** Kill the process right after an effect is stored, before the inbox and the offset commit. */
  @IsOptional()
  @IsIn(['0', '1'])
  CRASH_AFTER_EFFECT = '0';

  /** Events whose reason code is this fail every time (a poison event). */
  @IsOptional()
  @IsString()
  POISON_REASON = 'TEST.POISON';
}

@Schema({ collection: 'ledger', versionKey: false })
export class LedgerEntry {
  @Prop({ type: String })
  _id!: string;

  @Prop({ default: 0 })
  applied!: number;

  @Prop({ type: [String], default: [] })
  handledEvents!: string[];

  @Prop({ type: [String], default: [] })
  order!: string[];

  outbox!: OutboxEntry[];
  outboxPending!: boolean;
}
const LedgerSchema = SchemaFactory.createForClass(LedgerEntry);
addOutbox(LedgerSchema);

@Injectable()
export class LedgerService {
  static poisonEnabled = true;
  private readonly store: OutboxStore<LedgerEntry>;

  constructor(
    @InjectModel(LedgerEntry.name) readonly ledger: Model<LedgerEntry>,
    private readonly events: EventFactory,
    relay: OutboxRelay,
    private readonly config: LedgerConfig,
  ) {
    this.store = new OutboxStore(ledger, relay);
  }

  /** Produces a refusal through the outbox of a source document. */
  async emit(sourceId: string, dossierCode: string, reasonCode: string): Promise<void> {
    const event = this.events.create(Topics.DossierRefused, dossierCode, {
      dossierCode,
      reasonCode,
      reasonVi: 'Thử nghiệm',
    });
    if (!(await this.store.create({ _id: sourceId }, [event])))
      throw new Error(`source ${sourceId} already emitted`);
  }

  async apply(event: EventEnvelope<DossierRefusedV1>): Promise<void> {
    if (LedgerService.poisonEnabled && event.payload.reasonCode === this.config.POISON_REASON) {
      throw new Error(`poison event ${event.eventId}`);
    }
    await applyOnce(
      this.ledger,
      `effect:${event.dossierKey}`,
      event.eventId,
      { $inc: { applied: 1 }, $push: { order: event.eventId } },
      [],
      { upsert: true },
    );
    if (this.config.CRASH_AFTER_EFFECT === '1') process.kill(process.pid, 'SIGKILL');
  }
}

class EmitDto {
  @IsString()
  sourceId!: string;

  @IsString()
  dossierCode!: string;

  @IsString()
  reasonCode!: string;
}

@Public('a test fixture standing in for a service: tests call it to emit an event')
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Post('emit')
  emit(@Body() body: EmitDto): Promise<void> {
    return this.ledger.emit(body.sourceId, body.dossierCode, body.reasonCode);
  }

  @EventPattern(Topics.DossierRefused)
  handle(@Payload() event: EventEnvelope<DossierRefusedV1>): Promise<void> {
    return this.ledger.apply(event);
  }
}

export const LEDGER: ServiceInfo = {
  name: 'ledger-fixture',
  version: 'test',
  title: 'Ledger (test fixture)',
  description: 'Messaging test fixture',
};

@Module({})
class LedgerModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: LedgerModule,
      imports: [
        PlatformModule.forRoot({ config, info: LEDGER, database: true, kafka: true }),
        MessagingModule.forRoot(config, LEDGER),
        MongooseModule.forFeature([{ name: LedgerEntry.name, schema: LedgerSchema }]),
      ],
      controllers: [LedgerController],
      providers: [LedgerService, { provide: LedgerConfig, useValue: config }],
    };
  }
}

export const LEDGER_SERVICE: ServiceDefinition<LedgerConfig> = {
  info: LEDGER,
  loadConfig: (env) => loadConfig(LedgerConfig, { PORT: 0 }, env),
  module: (config) => LedgerModule.forRoot(config),
  connect: connectEventConsumer,
};
