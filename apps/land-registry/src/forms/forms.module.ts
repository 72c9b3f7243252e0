import { Module } from '@nestjs/common';
import { DossierStoreModule } from '../dossiers/dossiers.module';
import { FormsController } from './forms.controller';
import { FormsService } from './forms.service';

/** GET /dossiers/:code/forms/:form: the printable forms as PDF, rendered by the server. */
@Module({
  imports: [DossierStoreModule],
  controllers: [FormsController],
  providers: [FormsService],
})
export class FormsModule {}
