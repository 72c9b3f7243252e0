import { Body, Controller, Inject, Ip, Optional, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles, CurrentActor } from '../auth/auth.decorators';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { OPERATOR_ACTIONS, OperatorActionSink } from '../auth/operator-actions';
import { MaintenanceMode } from './maintenance-mode';
import { MaintenanceDto, MaintenanceView } from './dto/maintenance.dto';

@ApiTags('operations')
@Controller('admin/maintenance')
export class MaintenanceController {
  constructor(
    private readonly mode: MaintenanceMode,
    @Optional() @Inject(OPERATOR_ACTIONS) private readonly actions?: OperatorActionSink,
  ) {}

  /** Switches the maintenance mode for every replica of this service. */
  @Put()
  @Roles(Role.Operator)
  @ApiOkResponse({ type: MaintenanceView })
  async put(
    @Body() dto: MaintenanceDto,
    @CurrentActor() actor: Actor,
    @Ip() ip: string,
  ): Promise<MaintenanceView> {
    const { on, noticeVi, since } = await this.mode.switch(dto.on, dto.noticeVi, actor);
    await this.actions?.record({
      actor,
      action: on ? 'SERVICE.MAINTENANCE_ON' : 'SERVICE.MAINTENANCE_OFF',
      ip,
      details: on ? { noticeVi } : {},
    });
    return { on, noticeVi, since };
  }
}
