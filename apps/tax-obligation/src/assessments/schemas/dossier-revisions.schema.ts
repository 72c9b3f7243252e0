import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The slip revisions of a dossier that have an assessment, other than revision 1: with the
 * assessment ids (`<dossierCode>:R<revision>`) they make every look-up of a dossier's
 * assessments a look-up by _id. FerretDB 1.24 serves only `_id` equality from an index
 * (`$in`, ranges and prefix regexes on _id, and every other field, read the whole
 * collection), so finding them by dossier code took 3–4 s each with 200,000 dossiers of
 * history (issue 18). Revision 1 is the usual and often only one: it needs no entry, so a
 * dossier's first slip costs no write here.
 */
@Schema({ collection: 'dossier_revisions', versionKey: false })
export class DossierRevisions {
  /** The dossier code. */
  @Prop({ type: String })
  _id!: string;

  /** Revisions written (or about to be written) as assessments, in no particular order. */
  @Prop({ type: [Number], default: [] })
  revisions!: number[];
}

export const DossierRevisionsSchema = SchemaFactory.createForClass(DossierRevisions);
