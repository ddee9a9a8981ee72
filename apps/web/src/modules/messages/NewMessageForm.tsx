import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  Button,
  Checkbox,
  Heading,
  Paragraph,
  RadioButton,
  RadioButtonGroup,
  Textarea,
  TextInput,
} from 'suomifi-ui-components';
import { api, type MessageTarget, type Role } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { daycareKeys } from '../daycare/queries';
import { useSendMessage } from './queries';
import { AttachmentPicker } from './AttachmentPicker';
import { ChildPicker } from './ChildPicker';
import { attachmentProblem, toUploads } from './attachments';

/**
 * A new message. Staff choose a group or a unit where they work (the municipal account also
 * every unit), bulletin or message, urgent, acknowledgement; guardians choose their child and
 * write to the child's group. The recipients (the day's placements) are shown before sending.
 */
export function NewMessageForm({
  slug,
  roles,
  onClose,
}: {
  slug: string;
  roles: Role[];
  onClose: () => void;
}) {
  const { t } = useTranslation('messages');
  const navigate = useNavigate();
  const staff = roles.includes('daycare_staff');
  const municipal = roles.includes('admin');
  const units = useQuery({
    queryKey: daycareKeys.staffUnits(slug),
    queryFn: () => api.listMyDaycareUnits(slug),
    enabled: staff,
  });
  const family = useQuery({
    queryKey: daycareKeys.family(slug),
    queryFn: () => api.listMyDaycareChildren(slug),
    enabled: !staff && !municipal,
  });
  const send = useSendMessage(slug);
  const [target, setTarget] = useState('');
  const [pickedChild, setPickedChild] = useState('');
  const [kind, setKind] = useState<'message' | 'bulletin'>('message');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [requiresAck, setRequiresAck] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [touched, setTouched] = useState(false);

  const options: { value: string; label: string }[] = [];
  if (staff) options.push({ value: 'child:', label: t('new.oneChild') });
  if (staff)
    for (const unit of units.data?.items ?? []) {
      options.push({ value: `unit:${unit.id}`, label: t('new.wholeUnit', { unit: unit.name }) });
      for (const g of unit.groups)
        options.push({ value: `group:${g.id}`, label: `${unit.name}, ${g.name}` });
    }
  if (municipal) options.push({ value: 'municipality:', label: t('new.allUnits') });
  if (!staff && !municipal)
    for (const child of family.data?.children ?? []) {
      if (child.placements.length === 0) continue;
      const p = child.placements[0]!;
      options.push({
        value: `child:${child.id}`,
        label: `${child.firstName} ${child.lastName} (${p.unit.name}, ${p.group.name})`,
      });
    }
  const chosen = target || (options.length === 1 ? options[0]!.value : '');
  const [scope, listedId] = chosen.split(':') as [MessageTarget['scope'] | '', string];
  // Staff writing to one child pick the child from their groups' children.
  const picking = staff && scope === 'child';
  const id = picking ? pickedChild : listedId;
  const targetBody: MessageTarget | null =
    scope && !(picking && !pickedChild)
      ? {
          scope,
          ...(scope === 'child' ? { childId: id } : {}),
          ...(scope === 'group' ? { groupId: id } : {}),
          ...(scope === 'unit' ? { unitId: id } : {}),
        }
      : null;
  const recipients = useQuery({
    queryKey: ['messages', slug, 'recipients', chosen, id],
    queryFn: () => api.previewMessageRecipients(slug, targetBody!),
    enabled: targetBody !== null,
  });
  const guardianWriting = scope === 'child' && !staff;

  const errors = {
    target: chosen ? undefined : t('new.chooseTarget'),
    child: picking && !pickedChild ? t('new.chooseChild') : undefined,
    title: title.trim() ? undefined : t('required'),
    body: body.trim() ? undefined : t('required'),
    files: attachmentProblem(files) ? 'files' : undefined,
  };
  const shown = (key: keyof typeof errors) => (touched ? errors[key] : undefined);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (send.isPending || !targetBody || Object.values(errors).some(Boolean)) return;
    try {
      const sent = await send.mutateAsync({
        ...targetBody,
        kind: guardianWriting ? 'message' : kind,
        title,
        body,
        urgent: guardianWriting ? false : urgent,
        requiresAck: guardianWriting ? false : requiresAck,
        ...(files.length > 0 ? { attachments: await toUploads(files) } : {}),
      });
      onClose();
      navigate(`/${slug}/messages/${sent.id}`);
    } catch {
      // shown above the button
    }
  }

  if (units.isPending && staff) return <Loading text={t('loading')} />;
  return (
    <section aria-labelledby="new-message-heading" className="form-section message-form">
      <Heading variant="h2" id="new-message-heading" mb="s">
        {t('new.heading')}
      </Heading>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <RadioButtonGroup
          labelText={guardianWriting || (!staff && !municipal) ? t('new.child') : t('new.to')}
          groupHintText={shown('target')}
          name="target"
          value={chosen}
          onChange={(value) => setTarget(value)}
          mb="m"
        >
          {options.map((o) => (
            <RadioButton key={o.value} value={o.value}>
              {o.label}
            </RadioButton>
          ))}
        </RadioButtonGroup>
        {picking && (
          <ChildPicker
            slug={slug}
            value={pickedChild}
            onChange={setPickedChild}
            error={shown('child')}
          />
        )}
        {targetBody && (
          <div className="message-recipients" aria-live="polite">
            {recipients.isPending && <Paragraph>{t('loading')}</Paragraph>}
            {recipients.isError && <ErrorAlert error={recipients.error} />}
            {recipients.data && (
              <>
                <Paragraph mb="xs">
                  <strong>{t('new.recipients', { count: recipients.data.count })}</strong>
                </Paragraph>
                {/* Scrolls when long: focusable, so that it scrolls from the keyboard too. */}
                <ul className="message-recipients__list" tabIndex={0} aria-label={t('new.to')}>
                  {recipients.data.recipients.slice(0, 50).map((r) => (
                    <li key={r.id}>
                      {r.name}
                      {r.children.length > 0 && ` (${r.children.join(', ')})`}
                    </li>
                  ))}
                  {recipients.data.count > 50 && (
                    <li>{t('new.more', { count: recipients.data.count - 50 })}</li>
                  )}
                </ul>
              </>
            )}
          </div>
        )}
        {(staff || municipal) && (
          <>
            <RadioButtonGroup
              labelText={t('new.kind')}
              name="kind"
              value={kind}
              onChange={(value) => setKind(value as 'message' | 'bulletin')}
              mb="m"
            >
              <RadioButton value="message" hintText={t('new.messageHint')}>
                {t('kind.message')}
              </RadioButton>
              <RadioButton value="bulletin" hintText={t('new.bulletinHint')}>
                {t('kind.bulletin')}
              </RadioButton>
            </RadioButtonGroup>
            <Checkbox checked={urgent} onClick={({ checkboxState }) => setUrgent(checkboxState)}>
              {t('new.urgent')}
            </Checkbox>
            <Checkbox
              checked={requiresAck}
              onClick={({ checkboxState }) => setRequiresAck(checkboxState)}
              hintText={t('new.ackHint')}
            >
              {t('new.requiresAck')}
            </Checkbox>
          </>
        )}
        <TextInput
          labelText={t('new.title')}
          value={title}
          maxLength={200}
          onChange={(value) => setTitle(String(value ?? ''))}
          status={shown('title') ? 'error' : 'default'}
          statusText={shown('title')}
          fullWidth
          className="message-form__title"
        />
        <Textarea
          labelText={t('new.body')}
          value={body}
          maxLength={10000}
          onChange={(event) => setBody(event.target.value)}
          status={shown('body') ? 'error' : 'default'}
          statusText={shown('body')}
          fullWidth
          mb="m"
        />
        <AttachmentPicker files={files} onChange={setFiles} disabled={send.isPending} />
        {send.isError && <ErrorAlert error={send.error} />}
        <div className="messages__actions">
          <Button type="submit" disabled={send.isPending}>
            {t('new.send')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('new.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
