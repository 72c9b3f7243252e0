import { IsString, Matches, MaxLength } from 'class-validator';

export class DossierCodeParam {
  @IsString()
  @MaxLength(64, { message: 'Mã hồ sơ quá dài' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'Mã hồ sơ không đúng định dạng' })
  dossierCode!: string;
}
