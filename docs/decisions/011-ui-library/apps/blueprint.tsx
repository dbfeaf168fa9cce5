import '@blueprintjs/core/lib/css/blueprint.css';
import { createRoot } from 'react-dom/client';
import {
  Button,
  ButtonGroup,
  Checkbox,
  Dialog,
  DialogBody,
  HTMLSelect,
  InputGroup,
  Tab,
  Tabs,
  Tooltip,
} from '@blueprintjs/core';
function App() {
  return (
    <>
      <ButtonGroup role="toolbar" aria-label="tools">
        <Tooltip content="上一版">
          <Button id="b1" icon="chevron-left" aria-label="上一版" />
        </Tooltip>
        <Tooltip content="下一版">
          <Button icon="chevron-right" aria-label="下一版" />
        </Tooltip>
        <Tooltip content="撤销">
          <Button icon="undo" aria-label="撤销" />
        </Tooltip>
      </ButtonGroup>
      <Tabs id="t">
        <Tab id="a" title="文字" panel={<div>A</div>} />
        <Tab id="b" title="区域" />
        <Tab id="c" title="文章" />
      </Tabs>
      <HTMLSelect id="sel" options={['已导入', '校对中']} />
      <Checkbox label="存疑" />
      <InputGroup id="inp" placeholder="原因" />
      <Dialog isOpen title="导出" usePortal={false} enforceFocus={false} autoFocus={false}>
        <DialogBody>内容</DialogBody>
      </Dialog>
    </>
  );
}
createRoot(document.getElementById('root')!).render(<App />);
