import { AlertOutlined, SwapOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useMessages } from '../i18n/LocaleProvider.tsx';
import { navigate } from '../shell/router.ts';
import { taskListsMessages } from '../tasks/task-lists.messages.ts';

/** The monitor's links to the manager's screens: task assignment (bulk reassignment) and incidents. */
export function MonitorLinks() {
  const t = useMessages(taskListsMessages);
  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => navigate('/monitor/tasks')} data-testid="nav-managed-tasks">
        {t.manageLink}
      </Button>
      <Button icon={<AlertOutlined />} onClick={() => navigate('/monitor/incidents')} data-testid="nav-incidents">
        {t.incidentsLink}
      </Button>
    </>
  );
}
