import { Injectable } from '@nestjs/common';
import { DomainException } from '@lien-thong/platform';
import { CitizenRecord, POPULATION_ERRORS } from '@lien-thong/agency-contracts';
import { PopulationRepository } from './population.repository';

@Injectable()
export class PopulationService {
  constructor(private readonly repository: PopulationRepository) {}

  get(citizenId: string): CitizenRecord {
    const citizen = this.repository.find(citizenId);
    if (!citizen) {
      throw new DomainException(
        POPULATION_ERRORS.CITIZEN_NOT_FOUND,
        'Không tìm thấy công dân có số định danh cá nhân này trong Cơ sở dữ liệu quốc gia về dân cư',
        404,
      );
    }
    return { ...citizen };
  }
}
