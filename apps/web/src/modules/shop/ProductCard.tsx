import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink } from 'react-router-dom';
import { Button, Heading, Paragraph, RouterLink, TextInput } from 'suomifi-ui-components';
import type { Order, Product } from '../../api/client';
import { ErrorAlert } from '../../app/feedback';
import { currentLanguage } from '../../i18n';
import { formatMoney, formatVatRate, parseQuantity, priceOf } from './money';
import { useSetCartLine } from './queries';

/** The price the person pays, and the resident and other prices when they differ. */
function PriceInfo({ product, signedIn }: { product: Product; signedIn: boolean }) {
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const money = (cents: number) => formatMoney(cents, language);
  const resident = priceOf(product, 'resident');
  const others = priceOf(product, 'non_resident');
  const yourPrice = product.yourPrice ?? null;
  const samePrice = resident !== null && resident === others;

  let main = null;
  if (signedIn && yourPrice !== null) {
    main = (
      <>
        {t('product.yourPrice')} <span className="price__amount">{money(yourPrice)}</span>
      </>
    );
  } else if (signedIn) {
    main = <span className="price__amount">{t('product.notForYou')}</span>;
  } else if (samePrice) {
    main = (
      <>
        {t('product.price')} <span className="price__amount">{money(resident)}</span>
      </>
    );
  }

  return (
    <div className="price">
      {main && <p className="price__main">{main}</p>}
      {resident !== null && others !== null && !samePrice && (
        <p>{t('product.groupPrices', { resident: money(resident), others: money(others) })}</p>
      )}
      {resident !== null && others === null && (
        <p>{t('product.residentOnly', { resident: money(resident) })}</p>
      )}
      <p className="price__vat">
        {product.vatRateBp > 0
          ? t('product.vatIncluded', { rate: formatVatRate(product.vatRateBp, language) })
          : t('product.noVat')}
      </p>
    </div>
  );
}

/** Quantity and "add to cart": adds to what the cart already holds (the API sets the total). */
function BuyForm(props: { product: Product; slug: string; cart?: Order; organisationId?: string }) {
  const { product, slug, cart, organisationId } = props;
  const { t } = useTranslation('shop');
  const name = product.name[currentLanguage()];
  // Into the chosen buyer's cart: the person's own or their organisation's.
  const setLine = useSetCartLine(slug, organisationId);
  const [text, setText] = useState('1');
  const [invalid, setInvalid] = useState(false);
  const [added, setAdded] = useState('');
  const max = product.maxPerOrder;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const quantity = parseQuantity(text);
    const ok = quantity !== null && quantity >= 1 && quantity <= max;
    setInvalid(!ok);
    setAdded('');
    if (setLine.isPending) return;
    setLine.reset();
    if (!ok) return;
    const inCart = cart?.lines.find((l) => l.productId === product.id)?.quantity ?? 0;
    setLine.mutate(
      { productId: product.id, quantity: inCart + quantity },
      {
        onSuccess: () => {
          setAdded(t('product.added', { name, count: quantity }));
          setText('1');
        },
      },
    );
  }

  return (
    <form className="buy-form" onSubmit={onSubmit} noValidate>
      <TextInput
        className="buy-form__quantity"
        labelText={t('product.quantity')}
        aria-label={t('product.quantityLabel', { name })}
        hintText={t('product.quantityHint', { max })}
        type="number"
        inputMode="numeric"
        min={1}
        max={max}
        value={text}
        onChange={(v) => setText(String(v ?? ''))}
        status={invalid ? 'error' : 'default'}
        statusText={invalid ? t('product.quantityInvalid', { max }) : undefined}
      />
      <Button type="submit" aria-label={t('product.addLabel', { name })}>
        {t('product.add')}
      </Button>
      <p className="buy-form__result" role="status">
        {added}
      </p>
      {setLine.isError && <ErrorAlert error={setLine.error} />}
    </form>
  );
}

export function ProductCard(props: {
  product: Product;
  slug: string;
  signedIn: boolean;
  /** The organisation the person buys for (its prices and cart); absent: for themselves. */
  organisationId?: string;
  cart?: Order;
}) {
  const { product, slug, signedIn, cart, organisationId } = props;
  const { t } = useTranslation('shop');
  const language = currentLanguage();
  const name = product.name[language];
  const loginTo = `/${slug}/login?returnTo=${encodeURIComponent(`/${slug}/shop`)}`;
  const forSale = (product.yourPrice ?? null) !== null;
  // A course fee is paid for a child's seat, which registering puts into the cart: the fee is
  // not bought on its own here.
  const courseFee = product.kind === 'course_fee';

  return (
    <li className="card product-card">
      <div className="product-card__info">
        <Heading variant="h3" mb="xs">
          {name}
        </Heading>
        <Paragraph mb="s">{product.content[language]}</Paragraph>
        <dl className="product-facts">
          <dt>{t('product.organiser')}</dt>
          <dd>{product.organiser}</dd>
          <dt>{t('product.provider')}</dt>
          <dd>{product.provider}</dd>
          <dt>{t('product.qualityPromise')}</dt>
          <dd>{product.qualityPromise[language]}</dd>
        </dl>
      </div>
      <div className="product-card__buy">
        <PriceInfo product={product} signedIn={signedIn} />
        {courseFee && (
          <Paragraph>
            {t('product.courseFee')}{' '}
            <RouterLink asComponent={RouterDomLink} to={`/${slug}/courses`}>
              {t('product.toCourses')}
            </RouterLink>
          </Paragraph>
        )}
        {!courseFee && signedIn && forSale && (
          <BuyForm product={product} slug={slug} cart={cart} organisationId={organisationId} />
        )}
        {!courseFee && !signedIn && (
          <Paragraph>
            <RouterLink
              asComponent={RouterDomLink}
              to={loginTo}
              aria-label={t('product.loginLabel', { name })}
            >
              {t('product.login')}
            </RouterLink>
          </Paragraph>
        )}
      </div>
    </li>
  );
}
