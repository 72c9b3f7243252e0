import { IsString, Matches } from 'class-validator';
import { CITIZEN_ID } from '@lien-thong/agency-contracts';

export class CitizenIdParam {
  @IsString()
  @Matches(CITIZEN_ID, { message: 'Số định danh cá nhân gồm 12 chữ số' })
  citizenId!: string;
}
