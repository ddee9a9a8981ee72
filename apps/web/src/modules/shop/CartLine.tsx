import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconRemove, TextInput } from 'suomifi-ui-components';
import type { OrderLine } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoney, parseQuantity } from './money';
import { LineDetails } from './OrderSummary';
import { useSetCartLine } from './queries';

/** One product line of the cart: its quantity can be changed (0 removes it) or the line removed. */
export function CartLine(props: {
  line: OrderLine & { productId: string };
  name: string;
  max?: number;
  slug: string;
  onChanged: (message: string, removed: boolean) => void;
}) {
  const { line, name, max, slug, onChanged } = props;
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const setLine = useSetCartLine(slug);
  const [text, setText] = useState(String(line.quantity));
  const [invalid, setInvalid] = useState(false);

  function save(quantity: number) {
    if (setLine.isPending) return;
    setLine.mutate(
      { productId: line.productId, quantity },
      {
        onSuccess: () =>
          quantity === 0
            ? onChanged(t('cart.removed', { name }), true)
            : onChanged(t('cart.updated', { name, count: quantity }), false),
      },
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const quantity = parseQuantity(text);
    const ok = quantity !== null && (max === undefined || quantity <= max);
    setInvalid(!ok);
    if (setLine.isPending) return;
    setLine.reset();
    if (ok) save(quantity);
  }

  return (
    <li className="order-line">
      <div className="order-line__head">
        <span className="order-line__name">{name}</span>
        <span className="order-line__total">{formatMoney(line.totalCents, language)}</span>
      </div>
      <LineDetails line={line} />
      <form className="line-form" onSubmit={onSubmit} noValidate>
        <TextInput
          className="line-form__quantity"
          labelText={t('cart.quantity')}
          aria-label={t('cart.quantityLabel', { name })}
          type="number"
          inputMode="numeric"
          min={0}
          max={max}
          value={text}
          onChange={(v) => setText(String(v ?? ''))}
          status={invalid ? 'error' : 'default'}
          statusText={
            invalid ? t('cart.quantityInvalid', { max: max ?? line.quantity }) : undefined
          }
        />
        <div className="button-row">
          <Button type="submit" variant="secondary" aria-label={t('cart.updateLabel', { name })}>
            {t('cart.update')}
          </Button>
          <Button
            variant="secondaryNoBorder"
            icon={<IconRemove />}
            aria-label={t('cart.removeLabel', { name })}
            onClick={() => save(0)}
          >
            {t('cart.remove')}
          </Button>
        </div>
      </form>
      {setLine.isError && <ErrorAlert error={setLine.error} />}
    </li>
  );
}
