import { IsIn, IsString, Matches } from 'class-validator';
import { IsIsoDate, IsText } from '../common/validation';

/**
 * The national population database. POPULATION_URL is the API root
 * (`<simulators>/population/v1` for the simulator); paths are relative to it.
 */
export const POPULATION_API = {
  simulatorMount: '/population/v1',
  citizens: '/citizens',
  citizen: (citizenId: string) => `/citizens/${encodeURIComponent(citizenId)}`,
} as const;

export const GENDERS = ['MALE', 'FEMALE'] as const;
export type Gender = (typeof GENDERS)[number];

export const POPULATION_ERRORS = {
  CITIZEN_NOT_FOUND: 'POPULATION.CITIZEN_NOT_FOUND',
} as const;

/**
 * 12 digits: 3-digit province of birth registration, a century-and-gender digit, the
 * 2-digit birth year, 6 digits.
 */
export const CITIZEN_ID = /^\d{12}$/;

export class CitizenRecord {
  @IsString()
  @Matches(CITIZEN_ID, { message: 'Số định danh cá nhân gồm 12 chữ số' })
  citizenId!: string;

  @IsText(200)
  fullName!: string;

  @IsIsoDate()
  birthDate!: string;

  @IsIn(GENDERS)
  gender!: Gender;

  @IsText(300)
  permanentAddress!: string;
}
