import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { LandUseRightLookup } from './schemas/land-use-right-lookup.schema';

@Injectable()
export class LandUseRightLookupsRepository {
  constructor(
    @InjectModel(LandUseRightLookup.name) private readonly lookups: Model<LandUseRightLookup>,
  ) {}

  async insert(lookup: LandUseRightLookup): Promise<void> {
    await this.lookups.create(lookup);
  }
}
