// The review status of a page or an article: a choice of status, and the reason that moving
// back needs (the core refuses a move back without one and says so).

import { HTMLSelect, InputGroup } from '@blueprintjs/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  statuses: readonly string[];
  status: string;
  reason: string | null;
  label: string;
  onMove(status: string, reason: string | undefined): Promise<void>;
}

export function StatusControl(props: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <span className="status-control">
      <label>
        {props.label}{' '}
        <HTMLSelect
          value={props.status}
          onChange={(e) =>
            void props.onMove(e.target.value, reason.trim() || undefined).then(() => setReason(''))
          }
        >
          {props.statuses.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </HTMLSelect>
      </label>
      <InputGroup
        className="reason"
        size="small"
        placeholder={t('review.reason')}
        aria-label={t('review.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {props.reason && (
        <span className="status-reason" title={props.reason}>
          ⚑ {props.reason}
        </span>
      )}
    </span>
  );
}
