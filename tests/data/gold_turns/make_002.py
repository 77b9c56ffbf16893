import json
from claims.ingest.formats import parse_source
from claims.ingest.read import read_source
t,_=read_source('seeds/002_a252ec61e314f82f.txt'); p=parse_source(t,source='x')
H,G='lex-fridman','ilya-sutskever'
host={0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,31,33,35,37,39,41,43,45,47,49,51,53,55,57,59,61,63,64,66,68,70,71,73,75,77,79,80,82,84,86,88,90,92,94,96,99,101}
splits={13:("By the way, that is a big",G,H),31:("But you think of that as this",G,H)}
turns=[]
def add(a,b,sp):
    if turns and turns[-1]['speaker']==sp: turns[-1]['end_char']=b
    else: turns.append({'start_char':a,'end_char':b,'speaker':sp})
for i in range(103):
    tu=p.turns[i]
    if i in splits:
        s,first,second=splits[i]; k=t.index(s,tu.start_char); assert k<tu.end_char
        e=k
        while t[e-1] in ' \n': e-=1
        add(tu.start_char,e,first); add(k,tu.end_char,second)
    else:
        add(tu.start_char,tu.end_char,H if i in host else G)
# gold turns must not include the "- " marks: split adjacent turns of same speaker are merged above, fine
json.dump(turns,open('tests/data/gold_turns/002.json','w'),indent=1)
print(len(turns), sum(len(t[x['start_char']:x['end_char']].split()) for x in turns if x['speaker']==H), sum(len(t[x['start_char']:x['end_char']].split()) for x in turns if x['speaker']==G))
