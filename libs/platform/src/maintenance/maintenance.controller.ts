import { Body, Controller, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles, CurrentActor } from '../auth/auth.decorators';
import type { Actor } from '../auth/actor';
import { Role } from '../auth/roles';
import { MaintenanceMode } from './maintenance-mode';
import { MaintenanceDto, MaintenanceView } from './dto/maintenance.dto';

@ApiTags('operations')
@Controller('admin/maintenance')
export class MaintenanceController {
  constructor(private readonly mode: MaintenanceMode) {}

  /** Switches the maintenance mode for every replica of this service. */
  @Put()
  @Roles(Role.Operator)
  @ApiOkResponse({ type: MaintenanceView })
  async put(@Body() dto: MaintenanceDto, @CurrentActor() actor: Actor): Promise<MaintenanceView> {
    const { on, noticeVi, since } = await this.mode.switch(dto.on, dto.noticeVi, actor);
    return { on, noticeVi, since };
  }
}
