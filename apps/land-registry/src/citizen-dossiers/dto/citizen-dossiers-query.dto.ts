import { PageQueryDto } from '../../dossier-list/dto/dossier-list-query.dto';

/** `GET /citizen/dossiers?…`: the citizen's own dossiers, a page at a time. */
export class CitizenDossiersQueryDto extends PageQueryDto {}
