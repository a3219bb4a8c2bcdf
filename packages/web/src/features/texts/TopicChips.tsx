import { useTranslation } from 'react-i18next';
import en from '../../i18n/en.json';

type TopicKey = keyof typeof en.topic;

export function isTopic(value: string): value is TopicKey {
  return Object.hasOwn(en.topic, value);
}

/** A clause's topics as small tags; an unknown topic is shown as the server spelled it. */
export function TopicChips({ topics }: { topics: readonly string[] }) {
  const { t } = useTranslation();
  if (topics.length === 0) return null;
  return (
    <ul className="tags topic-chips" aria-label={t('text.topics')}>
      {topics.map((topic) => (
        <li key={topic} className={`tag topic topic--${topic}`} data-topic={topic}>
          {isTopic(topic) ? t(`topic.${topic}`) : topic}
        </li>
      ))}
    </ul>
  );
}
