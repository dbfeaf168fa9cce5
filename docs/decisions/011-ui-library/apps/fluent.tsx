import { createRoot } from 'react-dom/client';
import {
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  Input,
  Select,
  Tab,
  TabList,
  Toolbar,
  ToolbarButton,
  Tooltip,
  webLightTheme,
} from '@fluentui/react-components';
function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <Toolbar aria-label="tools">
        <Tooltip content="上一版" relationship="label">
          <ToolbarButton id="b1">‹</ToolbarButton>
        </Tooltip>
        <Tooltip content="下一版" relationship="label">
          <ToolbarButton>›</ToolbarButton>
        </Tooltip>
        <Tooltip content="撤销" relationship="label">
          <ToolbarButton>↶</ToolbarButton>
        </Tooltip>
      </Toolbar>
      <TabList defaultSelectedValue="a">
        <Tab value="a">文字</Tab>
        <Tab value="b">区域</Tab>
        <Tab value="c">文章</Tab>
      </TabList>
      <Select id="sel">
        <option>已导入</option>
        <option>校对中</option>
      </Select>
      <Checkbox label="存疑" />
      <Input id="inp" placeholder="原因" />
      <Button>导出</Button>
      <Dialog open inertTrapFocus={false}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>导出</DialogTitle>内容
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </FluentProvider>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
