import { applyDecorators, Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@lien-thong/platform';
import {
  HOUSE_REGISTRATION_FORM,
  INHERITANCE_FORM,
  MORTGAGE_FORM,
  MORTGAGE_RELEASE_FORM,
  PURPOSE_CHANGE_FORM,
  TRANSFER_FORM,
} from '../procedures';
import { SubmitHouseRegistrationDto } from '../procedures/house-registration/house-registration.dto';
import { SubmitInheritanceDto } from '../procedures/inheritance/inheritance.dto';
import { SubmitMortgageReleaseDto } from '../procedures/mortgage-release/mortgage-release.dto';
import { SubmitMortgageDto } from '../procedures/mortgage/mortgage.dto';
import { SubmitPurposeChangeDto } from '../procedures/purpose-change/purpose-change.dto';
import { FormValidView } from './dto/form-valid-view.dto';
import { SubmitTransferDto } from './dto/submit-transfer.dto';
import { IntakeService } from './intake.service';

/**
 * What every validation route is: the intake route's body, roles and checks (the global
 * ValidationPipe, then IntakeService.validate), 200 when the intake would accept it, else the
 * error body the intake would answer. Nothing is stored, numbered or published.
 */
function ValidatesDossier(path: string, summary: string) {
  return applyDecorators(
    Post(`${path}/validation`),
    HttpCode(200),
    Roles(Role.CounterOfficer, Role.Citizen),
    ApiOperation({
      summary: `Kiểm tra trước hồ sơ: ${summary}`,
      description:
        'Cùng nội dung và cùng các bước kiểm tra như khi nộp (kể cả đối chiếu sổ địa chính), nhưng không lưu, không cấp số, không gửi sự kiện: để biểu mẫu hiện lỗi từng trường khi đang nhập.',
    }),
    ApiOkResponse({ type: FormValidView, description: 'Hồ sơ sẽ được tiếp nhận' }),
    ApiForbiddenResponse({
      description:
        'AUTH.FORBIDDEN, AUTH.COUNTER_ONLY, AUTH.OTHER_UNIT, AUTH.CITIZEN_ONLY, AUTH.NOT_A_PARTY',
    }),
    ApiConflictResponse({
      description:
        'Thửa đất đang có hồ sơ chưa giải quyết xong (DOSSIER.PARCEL_HAS_ACTIVE_DOSSIER)',
    }),
    ApiUnprocessableEntityResponse({
      description: 'Không khớp sổ địa chính (DOSSIER.INVALID, lỗi theo từng trường)',
    }),
  );
}

/** The counter's and the portal's forms checked as they are typed, by the intake's own code. */
@ApiTags('dossiers (one-stop counter and online)')
@Controller()
export class IntakeValidationController {
  constructor(private readonly intake: IntakeService) {}

  @ValidatesDossier('dossiers/transfers', 'chuyển nhượng, tặng cho')
  async transfer(@Body() dto: SubmitTransferDto, @CurrentActor() actor: Actor) {
    await this.intake.validate(TRANSFER_FORM, dto, actor);
    return VALID;
  }

  @ValidatesDossier('dossiers/inheritances', 'nhận thừa kế')
  async inheritance(@Body() dto: SubmitInheritanceDto, @CurrentActor() actor: Actor) {
    await this.intake.validate(INHERITANCE_FORM, dto, actor);
    return VALID;
  }

  @ValidatesDossier('dossiers/mortgages', 'đăng ký thế chấp')
  async mortgage(@Body() dto: SubmitMortgageDto, @CurrentActor() actor: Actor) {
    await this.intake.validate(MORTGAGE_FORM, dto, actor);
    return VALID;
  }

  @ValidatesDossier('dossiers/mortgage-releases', 'xóa đăng ký thế chấp')
  async mortgageRelease(@Body() dto: SubmitMortgageReleaseDto, @CurrentActor() actor: Actor) {
    await this.intake.validate(MORTGAGE_RELEASE_FORM, dto, actor);
    return VALID;
  }

  @ValidatesDossier('dossiers/purpose-changes', 'chuyển mục đích sử dụng đất')
  async purposeChange(@Body() dto: SubmitPurposeChangeDto, @CurrentActor() actor: Actor) {
    await this.intake.validate(PURPOSE_CHANGE_FORM, dto, actor);
    return VALID;
  }

  @ValidatesDossier('dossiers/house-registrations', 'đăng ký quyền sở hữu nhà ở')
  async houseRegistration(@Body() dto: SubmitHouseRegistrationDto, @CurrentActor() actor: Actor) {
    await this.intake.validate(HOUSE_REGISTRATION_FORM, dto, actor);
    return VALID;
  }
}

const VALID: FormValidView = { valid: true };
