import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CitizenRecord, Gender } from '@lien-thong/agency-contracts';
import seed from './data/citizens.json';

/**
 * The century-and-gender digit of a citizen ID (the 4th): 0/1 for a man/woman born in the
 * 1900s, 2/3 in the 2000s, and so on by century.
 */
export function centuryGenderDigit(birthDate: string, gender: Gender): number {
  const century = Math.floor(Number(birthDate.slice(0, 4)) / 100);
  return (century - 19) * 2 + (gender === 'FEMALE' ? 1 : 0);
}

/** The seed file, validated with the contract class so that a typo fails at boot. */
export function loadCitizenSeed(raw: { citizens: unknown[] } = seed): CitizenRecord[] {
  return raw.citizens.map((entry, index) => {
    const citizen = plainToInstance(CitizenRecord, entry);
    const errors = validateSync(citizen, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      throw new Error(`citizens.json citizens[${index}] is invalid: ${errors.toString()}`);
    }
    return citizen;
  });
}
