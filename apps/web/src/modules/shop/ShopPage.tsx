import { useTranslation } from 'react-i18next';
import { Link as RouterDomLink, useSearchParams } from 'react-router-dom';
import { Dropdown, DropdownItem, Heading, Paragraph, RouterLink } from 'suomifi-ui-components';
import type { ProductKind } from '../../api/client';
import { ErrorAlert, Loading } from '../../app/feedback';
import { useMunicipality } from '../../app/MunicipalityContext';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../platform/queries';
import { BuyerChooser } from '../organisations/BuyerChooser';
import { useBuyer } from '../organisations/buyer';
import { ProductCard } from './ProductCard';
import { itemCount, productKinds } from './money';
import { useCart, useProducts } from './queries';
import './shop.css';

type KindChoice = ProductKind | 'all';
const isKind = (value: string | null): value is ProductKind =>
  (productKinds as readonly string[]).includes(value ?? '');

export function ShopPage() {
  const { t } = useTranslation('shop');
  const { slug } = useMunicipality();
  const session = useSession(slug);
  const signedIn = Boolean(session.data?.user);
  // Prices and the cart are the chosen buyer's: the person's own or their organisation's.
  const { organisationId } = useBuyer(slug);
  const products = useProducts(slug, organisationId);
  const cart = useCart(slug, signedIn, organisationId);
  // The chosen kind is kept in the address (?kind=) for the back button and shared links.
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind: KindChoice = isKind(kindParam) ? kindParam : 'all';
  usePageTitle(t('shop.title'));

  function choose(next: KindChoice) {
    setParams(next === 'all' ? {} : { kind: next }, { replace: true });
  }

  // Facility hours and course fees are bought by booking and registering, not here.
  const items = (products.data?.items ?? []).filter((p) => p.soldWith === 'shop');
  const kindsPresent = productKinds.filter((k) => items.some((p) => p.kind === k));
  const shown = items.filter((p) => kind === 'all' || p.kind === kind);
  const groups = kindsPresent
    .map((k) => ({ kind: k, products: shown.filter((p) => p.kind === k) }))
    .filter((group) => group.products.length > 0);

  return (
    <div className="page">
      <div className="shop-head">
        <Heading variant="h1">{t('shop.title')}</Heading>
        {signedIn && (
          <RouterLink asComponent={RouterDomLink} to={`/${slug}/shop/cart`} className="cart-link">
            {t('shop.cartLink', { count: itemCount(cart.data) })}
          </RouterLink>
        )}
      </div>
      <Paragraph mb="m">{t('shop.intro')}</Paragraph>
      {signedIn && <BuyerChooser slug={slug} label={t('shop.buyAs')} />}
      {products.isPending && <Loading text={t('loading')} />}
      {products.isError && <ErrorAlert error={products.error} />}
      {cart.isError && <ErrorAlert error={cart.error} />}
      {products.data && items.length === 0 && <Paragraph>{t('shop.empty')}</Paragraph>}
      {kindsPresent.length > 1 && (
        <div className="shop-filter">
          <Dropdown<KindChoice>
            labelText={t('shop.filter')}
            value={kind}
            onChange={choose}
            fullWidth
          >
            {[
              <DropdownItem key="all" value="all">
                {t('shop.allKinds')}
              </DropdownItem>,
              ...kindsPresent.map((k) => (
                <DropdownItem key={k} value={k}>
                  {t(`kinds.${k}`)}
                </DropdownItem>
              )),
            ]}
          </Dropdown>
        </div>
      )}
      {products.data && items.length > 0 && (
        <p className="visually-hidden" role="status">
          {t('shop.count', { count: shown.length })}
        </p>
      )}
      {groups.map((group) => (
        <section
          key={group.kind}
          aria-labelledby={`kind-${group.kind}`}
          className="form-section product-group"
        >
          <Heading variant="h2" id={`kind-${group.kind}`} mb="s">
            {t(`kinds.${group.kind}`)}
          </Heading>
          <ul className="card-list">
            {group.products.map((product) => (
              <ProductCard
                key={product.id}
                product={product}
                slug={slug}
                signedIn={signedIn}
                cart={cart.data}
                organisationId={organisationId}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
