import { createRoot } from 'react-dom/client';
import { Button, Checkbox, ConfigProvider, Input, Modal, Select, Tabs, Tooltip, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { LeftOutlined, RightOutlined, UndoOutlined } from '@ant-design/icons';
function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ algorithm: [theme.compactAlgorithm] }}>
      <div role="toolbar" aria-label="tools">
        <Tooltip title="上一版">
          <Button id="b1" icon={<LeftOutlined />} aria-label="上一版" />
        </Tooltip>
        <Tooltip title="下一版">
          <Button icon={<RightOutlined />} aria-label="下一版" />
        </Tooltip>
        <Tooltip title="撤销">
          <Button icon={<UndoOutlined />} aria-label="撤销" />
        </Tooltip>
      </div>
      <Tabs
        items={[
          { key: 'a', label: '文字', children: 'A' },
          { key: 'b', label: '区域', children: 'B' },
          { key: 'c', label: '文章', children: 'C' },
        ]}
      />
      <Select
        id="sel"
        style={{ width: 160 }}
        defaultValue="a"
        options={[
          { value: 'a', label: '已导入' },
          { value: 'b', label: '校对中' },
        ]}
      />
      <Checkbox>存疑</Checkbox>
      <Input id="inp" placeholder="原因" style={{ width: 200 }} />
      <Modal open title="导出" footer={null} getContainer={false}>
        内容
      </Modal>
    </ConfigProvider>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
