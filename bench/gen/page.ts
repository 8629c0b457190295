// The page around the listing, after classic-1.html: head, top navigation, the story, the
// comment box with the "Threshold:" menu (per-score totals, the lowest one being the declared
// total), ul#commentlisting, footer. Left out on purpose: the site's stylesheets, scripts,
// ads and images — all on other hosts, which a page served from 127.0.0.1 must not fetch
// (a small inline stylesheet stands in for the site's comment CSS so layout is not trivial).

import type { Discussion } from './markup';
import { esc } from './markup';

export interface Story {
  title: string;
  /** Story id, e.g. "07/07/06/1333257". */
  storySid: string;
  submitter: string;
  intro: string;
  postedBy: string;
  posted: string;
  dept: string;
}

const STYLE = `
body { font: 84% Verdana, Arial, sans-serif; margin: 0; background: #fff; color: #000; }
#frame { margin: 0 1em; } #topnav { background: #006666; color: #fff; padding: .5em; }
#links { float: left; width: 9em; } #contents { margin-left: 10em; }
.generaltitle h3 { background: #006666; color: #fff; padding: .2em .5em; margin: 0; }
ul#commentlisting, #commentlisting ul { list-style: none; margin: 0; padding: 0 0 0 1.5em; }
#commentlisting li { margin: .3em 0; }
.commentTop { background: #e6e6e6; padding: .2em .5em; } .commentTop h4 { margin: 0; font-size: 1em; }
.commentBody { padding: .4em .5em; } .commentSub { font-size: .85em; padding: 0 .5em .5em; }
.quote { font-style: italic; color: #555; margin: .3em 1em; } .sig { color: #666; font-size: .9em; }
.score { font-weight: normal; } .details { font-size: .9em; } .hide { display: none; }
`;

export function pageHead(story: Story): string {
  return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"
            "http://www.w3.org/TR/html4/strict.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">

<meta name="description" content="${esc(story.title)} -- article related to Linux.">
<title>Slashdot | ${esc(story.title)}</title>
<style type="text/css">${STYLE}</style>
<script type="text/javascript">
var adpage = 'article';
</script><link rel="top"       title="News for nerds, stuff that matters" href="//slashdot.org/" >
<link rel="search"    title="Search Slashdot" href="//linux.slashdot.org/search.pl">
</head>
<body>
<div id="top_parent"></div>
<div id="jump">
	<a href="#main-articles">Stories</a>
	<br>
	<a href="#blocks">Slash Boxes</a>
	<br>
	<a href="#comments">Comments</a>
</div>
<div id="frame">
<div></div>
	<div id="topnav">
		<div id="logo">
			<h1>
				<a href="//slashdot.org">Slashdot</a>
			</h1>
		</div>
	</div> 
	<div id="slogan">
		<h2>
			News for nerds, stuff that matters
		</h2>
	</div>
	<div id="wrapper">
		<div id="links">
			<div class="block" id="links-sections">
	<div class="title" id="links-sections-title">
		<h4>
                        Sections
		</h4>
	</div>
	<div class="content" id="links-sections-content">
	<ul>
${['', 'apple.', 'ask.', 'books.', 'developers.', 'games.', 'hardware.', 'it.', 'linux.', 'politics.', 'science.', 'yro.']
  .map((h) => `	<li><a href="//${h}slashdot.org/">${h ? h.slice(0, -1) : 'Main'}</a></li>`)
  .join('\n')}
</ul>
	</div>
</div>
		</div>
		<div id="contents">
`;
}

export function storyAndCommentBox(story: Story, d: Discussion, byScore: readonly number[], total: number): string {
  const options = byScore
    .map((n, i) => `	<option value="${i - 1}"${i === 0 ? ' selected' : ''}>${i - 1}: ${n} comments</option>`)
    .join('\n');
  const articleUrl = `//${d.host}/article.pl?sid=${story.storySid}`;
  return `<div id="article" class="aduserbox">
<a name="main-articles"></a>
<div id="articles">

<div class="article" id="art1">
<div class="generaltitle" >
	<div class="title">
		<h3 >
			${esc(story.title)}
			
		</h3>
	</div>
</div>
	<div class="details">
	<b>Posted by
	<a href="http://slashdot.org/~${esc(story.postedBy)}/">${esc(story.postedBy)}</a>

	on ${story.posted}</b><br>
	<strong>from the <b>${esc(story.dept)}</b> dept.</strong>
	</div>
	<div class="body">
		<div class="intro">
			<a href="mailto:${esc(story.submitter)}@example.net" rel="nofollow">${esc(story.submitter)}</a> writes <i>"${esc(story.intro)}"</i>
		</div>
	</div>
</div>
</div><a name="comments"></a>
<div class="commentwrap">
<div class="commentBox">
				This discussion has been archived.
			No new comments can be posted.
</div>
</div><a name="acomments"></a>
<div class="commentwrap" id="commentwrap">

<div class="commentBox">

	<a href="${articleUrl}">${esc(story.title)}</a>

	|

	<a href="//${d.host}/users.pl">Log In/Create an Account</a>

		| <a href="//${d.host}/comments.pl?sid=${d.sid}&amp;threshold=-1&amp;commentsort=0&amp;mode=thread&amp;pid=0">Top</a>

	| <b>${total}</b> comments

		| <a href="//${d.host}/search.pl?op=comments&amp;sid=${d.sid}">Search Discussion</a>
	</div>

	<div class="commentBoxForm" id="commentControlBox">

		<form action="//${d.host}/comments.pl">
		<fieldset>
		<legend>Display Options</legend>
		
		Threshold: <select id="threshold" name="threshold">
${options}
</select><select id="mode" name="mode">
	<option value="flat">Flat</option>
	<option value="nested">Nested</option>
	<option value="nocomment">No Comments</option>
	<option value="thread" selected>Threaded</option>
</select><select id="commentsort" name="commentsort">
	<option value="0" selected>Oldest First</option>
	<option value="1">Newest First</option>
	<option value="3">Highest Scores First</option>
	<option value="4">Oldest First (Ignore Threads)</option>
	<option value="5">Newest First (Ignore Threads)</option>
</select>
		<input type="submit" name="op" value="Change" class="button">
		<input type="hidden" name="sid" value="${d.sid}">
		</fieldset>
		</form>
<div></div>
	<div class="commentBox">
		<small>
		<b>The Fine Print:</b> The following comments are owned by whoever posted them.  We are not responsible for them in any way.
		</small>
	</div>
	</div>
	
</div>
<a name="topcomment"></a><ul id="commentlisting">
			`;
}

export function pageFoot(d: Discussion): string {
  return `
			<li id="roothiddens" class="hide"></li>
		</ul></div>	
		</div>
			<div id="footer">
				<div class="rightcontent">
                		        <small>I doubt, therefore I might be.</small>
				</div>	
			</div>
		</div>	
	</div>
	<div class="copyright">
		<p>
			All trademarks and copyrights on this page are owned by their respective owners.  Comments are owned by the Poster.
		</p>
	</div>
	<div class="btmnav">
		<ul>
			<li class="begin"><a href="//${d.host}/">home</a></li>
			<li><a href="//${d.host}/search.pl">older articles</a></li>
			<li><a href="//${d.host}/faq/">faq</a></li>
		</ul>
	</div>
</body>
</html>
`;
}
