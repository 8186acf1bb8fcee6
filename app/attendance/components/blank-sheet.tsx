import { Link } from "~/components/link";
import { useTranslation } from "~/i18n/use-translation";
import { PersonName } from "~/components/person-name";
import { TableScroll } from "~/components/table-scroll";

export const WALK_IN_ROWS = 15;

interface Props {
  back: { to: string; label: string };
  /** Who runs the event (the platform), above the title. */
  org: string | null;
  title: string;
  /** Date, time and place. */
  when: string;
  /**
   * Repeated at the top of every printed page (a table header row repeats on each page the
   * table spans), so a loose page still says which event it belongs to.
   */
  running: string;
  rosterHeading: string;
  people: { name: string; community: string | null }[];
  walkInRows?: number;
}

/**
 * The printable blank sign-in sheet shared by assemblies and training sessions, for places
 * without signal: the roster pre-printed, blank rows for walk-ins, page numbers in print.
 */
export function BlankSheet(props: Props) {
  const { t } = useTranslation("attendance");
  const rows = props.walkInRows ?? WALK_IN_ROWS;
  const runningRow = (columns: number) => (
    <tr className="running-head">
      <th colSpan={columns} scope="colgroup">
        {props.running}
      </th>
    </tr>
  );
  return (
    <article className="stack sheet">
      <p className="no-print">
        <Link to={props.back.to}>← {props.back.label}</Link>
      </p>
      <p className="no-print hint">{t("sheet.printHint")}</p>
      <header>
        {props.org ? <p>{props.org}</p> : null}
        <h1>{props.title}</h1>
        <p>{props.when}</p>
      </header>
      <h2>{props.rosterHeading}</h2>
      <TableScroll>
        <table className="sheet-table">
          <thead>
            {runningRow(4)}
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("sheet.name")}</th>
              <th scope="col">{t("sheet.community")}</th>
              <th scope="col">{t("sheet.signature")}</th>
            </tr>
          </thead>
          <tbody>
            {props.people.map((m, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td>
                  <PersonName name={m.name || null} />
                </td>
                <td>{m.community ?? ""}</td>
                <td className="signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>{t("sheet.walkIns")}</h2>
      <TableScroll>
        <table className="sheet-table">
          <thead>
            {runningRow(6)}
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("sheet.name")}</th>
              <th scope="col">{t("sheet.community")}</th>
              <th scope="col">{t("sheet.gender")}</th>
              <th scope="col">{t("sheet.ageGroup")}</th>
              <th scope="col">{t("sheet.signature")}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <td>{i + 1}</td>
                <td />
                <td />
                <td />
                <td />
                <td className="signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="hint">{t("sheet.legend")}</p>
    </article>
  );
}
