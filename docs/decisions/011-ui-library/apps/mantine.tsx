import '@mantine/core/styles.css';
import { createRoot } from 'react-dom/client';
import {
  Button,
  Checkbox,
  MantineProvider,
  Modal,
  NativeSelect,
  Tabs,
  TextInput,
  Tooltip,
  ActionIcon,
} from '@mantine/core';
function App() {
  return (
    <MantineProvider>
      <div role="toolbar" aria-label="tools">
        <Tooltip label="上一版">
          <ActionIcon id="b1" aria-label="上一版">
            ‹
          </ActionIcon>
        </Tooltip>
        <Tooltip label="下一版">
          <ActionIcon aria-label="下一版">›</ActionIcon>
        </Tooltip>
        <Tooltip label="撤销">
          <Button size="xs">撤销</Button>
        </Tooltip>
      </div>
      <Tabs defaultValue="a">
        <Tabs.List>
          <Tabs.Tab value="a">文字</Tabs.Tab>
          <Tabs.Tab value="b">区域</Tabs.Tab>
          <Tabs.Tab value="c">文章</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="a">A</Tabs.Panel>
      </Tabs>
      <NativeSelect id="sel" data={['已导入', '校对中']} />
      <Checkbox label="存疑" />
      <TextInput id="inp" placeholder="原因" />
      <Modal opened onClose={() => {}} title="导出" withinPortal={false}>
        内容
      </Modal>
    </MantineProvider>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
