import { IsIn } from 'class-validator';
import { AGENCY_NAMES, AgencyName } from '@lien-thong/agency-contracts';

export class AgencyParam {
  @IsIn(AGENCY_NAMES, { message: `Tên cơ quan phải là một trong: ${AGENCY_NAMES.join(', ')}` })
  agency!: AgencyName;
}
