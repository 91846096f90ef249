/**
 * The HTML report's inline script: it draws the long tables (the nominees, the findings) a page of
 * rows at a time from the JSON data the page carries, and filters and sorts over all of the rows,
 * not only those drawn. A row is made with createElement and textContent: nothing from the data
 * is ever parsed as markup.
 *
 * Each table's data (see html.ts, dataBlock): `rows`, arrays under the table's headings; in the
 * columns listed in `interned`, a number stands for `strings[n]`; column `code` holds a number
 * whose text is `labels[n]` and whose cell takes the class `classes[n]`; `units`, for the list,
 * the units to choose from (column `unitColumn`), `noUnit` the name shown for an empty one.
 */
export const PAGE_ROWS = 200;

export const SCRIPT = `
(function(){
  'use strict';
  var PAGE=${PAGE_ROWS};
  var lang=document.documentElement.lang;
  var collator=new Intl.Collator(lang,{numeric:false});
  function el(id){return document.getElementById(id);}
  function table(name){
    var block=el(name+'-data');if(!block)return;
    var d=JSON.parse(block.textContent),rows=d.rows,code=d.code;
    for(var i=0;i<rows.length;i++){var r=rows[i];for(var k=0;k<d.interned.length;k++){var c=d.interned[k];if(typeof r[c]==='number')r[c]=d.strings[r[c]];}}
    var tbl=el(name),body=tbl.tBodies[0],heads=tbl.tHead.rows[0].cells;
    var text=el(name+'-filter'),codeSel=el(name+'-code'),unitSel=el(name+'-unit');
    var shown=el(name+'-shown'),pageOf=el(name+'-page'),prev=el(name+'-prev'),next=el(name+'-next');
    if(unitSel)d.units.forEach(function(u,i){unitSel.appendChild(new Option(u===''?d.noUnit:u,String(i)));});
    var order=rows.map(function(_,i){return i;}),view=order,page=0,hay=[];
    function cellText(r,c){var v=r[c];return c===code?d.labels[v]:(v===null||v===undefined?'':String(v));}
    function haystack(i){
      var h=hay[i];
      if(h===undefined){var r=rows[i],p=[];for(var c=0;c<r.length;c++)p.push(cellText(r,c));h=hay[i]=p.join('\\n').toLocaleLowerCase();}
      return h;
    }
    function filter(){
      var q=text.value.trim().toLocaleLowerCase(),s=codeSel.value,u=unitSel&&unitSel.value!==''?d.units[+unitSel.value]:null;
      view=(q||s!==''||u!==null)?order.filter(function(i){var r=rows[i];return(s===''||String(r[code])===s)&&(u===null||r[d.unitColumn]===u)&&(!q||haystack(i).indexOf(q)>=0);}):order;
      page=0;draw();
    }
    function draw(){
      var pages=Math.max(1,Math.ceil(view.length/PAGE));
      if(page>=pages)page=pages-1;
      var frag=document.createDocumentFragment(),end=Math.min(view.length,(page+1)*PAGE);
      for(var k=page*PAGE;k<end;k++){
        var r=rows[view[k]],tr=document.createElement('tr');
        for(var c=0;c<r.length;c++){var td=document.createElement('td');td.textContent=cellText(r,c);if(c===code&&d.classes[r[c]])td.className=d.classes[r[c]];tr.appendChild(td);}
        frag.appendChild(tr);
      }
      body.replaceChildren(frag);
      shown.textContent=String(view.length);
      pageOf.textContent=view.length?(page*PAGE+1)+'–'+end+' / '+view.length:'0 / 0';
      prev.disabled=page===0;next.disabled=page>=pages-1;
    }
    function sortBy(th,c){
      var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
      Array.prototype.forEach.call(heads,function(o){o.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir>0?'ascending':'descending');
      var keys=rows.map(function(r){var t=cellText(r,c),n=Number(t);return t!==''&&!isNaN(n)?n:t;});
      order=order.slice().sort(function(a,b){var x=keys[a],y=keys[b];
        var o=typeof x==='number'&&typeof y==='number'?x-y:collator.compare(String(x),String(y));
        return o*dir||a-b;});
      filter();
    }
    text.addEventListener('input',filter);codeSel.addEventListener('change',filter);if(unitSel)unitSel.addEventListener('change',filter);
    prev.addEventListener('click',function(){page--;draw();});next.addEventListener('click',function(){page++;draw();});
    Array.prototype.forEach.call(heads,function(th,c){th.tabIndex=0;
      th.addEventListener('click',function(){sortBy(th,c);});th.addEventListener('keydown',function(e){if(e.key==='Enter')sortBy(th,c);});});
    draw();
  }
  table('list');table('findings');
})();
`;
