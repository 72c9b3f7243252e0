import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { HoldNotice, HoldNoticeSchema } from './schemas/hold-notice.schema';
import { HoldsController } from './holds.controller';
import { HoldsService } from './holds.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: HoldNotice.name, schema: HoldNoticeSchema }])],
  controllers: [HoldsController],
  providers: [HoldsService],
})
export class HoldsModule {}
